package io.herald.internal.protocol;

import io.herald.Channel;
import java.time.Duration;
import java.util.regex.Pattern;

/**
 * Pusher's protocol rules in one place: names, ids, sizes and counts, as the authorization endpoint, the drivers,
 * the REST API and the {@code local} server all apply them.
 *
 * <pre>{@code
 * PusherProtocol.isValidSocketId("1234.5678");              // true
 * PusherProtocol.isReservedEventName("pusher:error");        // true
 * PusherProtocol.isWireChannelName("#server-to-user-42");    // true: accepted from Pusher libraries
 * }</pre>
 */
public final class PusherProtocol {
    /** The largest {@code data} of one event, in bytes of UTF-8. */
    public static final int MAX_DATA_BYTES = 10 * 1024;
    /** The longest event name. */
    public static final int MAX_EVENT_NAME_LENGTH = 200;
    /** The most channels one {@code POST /events} names. */
    public static final int MAX_CHANNELS_PER_EVENT = 100;
    /** The most events one {@code POST /batch_events} holds. */
    public static final int MAX_BATCH_EVENTS = 10;
    /**
     * The largest REST request body Herald reads: a full batch of {@link #MAX_BATCH_EVENTS} events of
     * {@link #MAX_DATA_BYTES} each, with their names, channels and JSON escaping, fits; anything larger is 413.
     */
    public static final int MAX_REST_BODY_BYTES = 256 * 1024;
    /** The longest channel name accepted on the wire (what pusher-http-node sends); applications stay within 164. */
    public static final int MAX_WIRE_CHANNEL_NAME_LENGTH = 200;
    /** How far a REST request's {@code auth_timestamp} may be from the server's clock, in seconds. */
    public static final long MAX_TIMESTAMP_SKEW_SECONDS = 600;
    /** The prefix of the channel that reaches one signed-in user ({@code sendToUser}). */
    public static final String SERVER_TO_USER_PREFIX = "#server-to-user-";

    /**
     * Herald's console's live feed: a private channel only the console's own authorization signs (the authorization
     * endpoint refuses it).
     */
    public static final String CONSOLE_CHANNEL = "private-herald-console";

    /** How long a cache channel keeps its last event (Pusher: up to 30 minutes). */
    public static final Duration CACHE_TTL = Duration.ofMinutes(30);

    /** {@code pusher:error} / close code: no app has the key the client connected with. */
    public static final int APP_DOES_NOT_EXIST = 4001;
    /** The app has as many connections as it may hold. */
    public static final int OVER_CONNECTION_QUOTA = 4004;
    /** A signature did not match, or the app disconnected the user. */
    public static final int UNAUTHORIZED = 4009;
    /** Over a capacity (a full presence channel, a client reading too slowly): reconnect later. */
    public static final int OVER_CAPACITY = 4100;
    /** Close code of the 4100 range, "reconnect after backing off": pusher-js waits a second. */
    public static final int RECONNECT_LATER = 4100;
    /** A malformed message; as a close code, "reconnect now" (the server is restarting). */
    public static final int INVALID_MESSAGE = 4200;
    /** The server is restarting: reconnect at once. */
    public static final int RECONNECT_NOW = 4200;
    /** Over a limit: message size, channels per connection, client events per second. */
    public static final int OVER_LIMIT = 4301;
    /** A watchlist over {@link #MAX_WATCHLIST} users (the sign-in still succeeds). */
    public static final int WATCHLIST_LIMIT = 4302;
    /** The most users one watchlist watches. */
    public static final int MAX_WATCHLIST = 100;

    /** What a socket id must match: two runs of 1 to 20 digits joined by a dot (docs/authorization.md quotes it; a test checks). */
    public static final String SOCKET_ID_PATTERN = "\\d{1,20}\\.\\d{1,20}";

    private static final Pattern SOCKET_ID = Pattern.compile(SOCKET_ID_PATTERN);
    private static final Pattern WIRE_CHANNEL = Pattern.compile(
            "#?[" + Channel.NAME_CHARACTERS + "]{1," + MAX_WIRE_CHANNEL_NAME_LENGTH + "}");
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{1,12}");

    private PusherProtocol() {
    }

    /**
     * Whether {@code socketId} is two runs of digits joined by a dot, as Pusher issues them: anything else could make
     * a signature cover more than one channel ({@code 1.2:private-admins}).
     */
    public static boolean isValidSocketId(String socketId) {
        return socketId != null && SOCKET_ID.matcher(socketId).matches();
    }

    /** Whether a client or a Pusher library may name this channel on the wire ({@code #} channels included). */
    public static boolean isWireChannelName(String channel) {
        return channel != null && WIRE_CHANNEL.matcher(channel).matches();
    }

    /** Whether an event name belongs to the protocol itself ({@code pusher:}, {@code pusher_internal:}). */
    public static boolean isReservedEventName(String name) {
        return name.startsWith("pusher:") || name.startsWith("pusher_internal:");
    }

    /** Why {@code name} cannot be an application's event name, or {@code null} when it can. */
    public static String eventNameProblem(String name) {
        if (name == null || name.isBlank()) {
            return "it is blank";
        }
        if (name.length() > MAX_EVENT_NAME_LENGTH) {
            return "it is " + name.length() + " characters; the limit is " + MAX_EVENT_NAME_LENGTH;
        }
        if (isReservedEventName(name)) {
            return "the pusher: and pusher_internal: prefixes are reserved";
        }
        return null;
    }

    /**
     * Whether a REST request's {@code auth_timestamp} is plain seconds within {@value #MAX_TIMESTAMP_SKEW_SECONDS} s
     * of {@code nowSeconds}; compared without arithmetic that could overflow.
     */
    public static boolean isFreshTimestamp(String timestamp, long nowSeconds) {
        if (timestamp == null || !TIMESTAMP.matcher(timestamp).matches()) {
            return false;
        }
        long seconds = Long.parseLong(timestamp);
        return seconds > nowSeconds - MAX_TIMESTAMP_SKEW_SECONDS && seconds < nowSeconds + MAX_TIMESTAMP_SKEW_SECONDS;
    }

    /**
     * Whether the channel keeps its last event for new subscribers: {@code cache-}, {@code private-cache-},
     * {@code private-encrypted-cache-} and {@code presence-cache-} channels.
     */
    public static boolean isCacheChannel(String channel) {
        return channel.startsWith("cache-") || channel.startsWith("private-cache-")
                || channel.startsWith("private-encrypted-cache-") || channel.startsWith("presence-cache-");
    }

    /** Whether the channel is one of Pusher's own ({@code #server-to-user-...}), which applications cannot name. */
    public static boolean isServerChannel(String channel) {
        return channel.startsWith("#");
    }

    /** Whether a channel is Herald's own business: a {@code #} channel, or the console's feed. */
    public static boolean isHeraldsOwn(String channel) {
        return isServerChannel(channel) || channel.equals(CONSOLE_CHANNEL);
    }

    /** The user a {@code #server-to-user-} channel reaches, or {@code null} for any other channel. */
    public static String serverToUserId(String channel) {
        return channel.startsWith(SERVER_TO_USER_PREFIX) ? channel.substring(SERVER_TO_USER_PREFIX.length()) : null;
    }
}
