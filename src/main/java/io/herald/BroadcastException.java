package io.herald;

import java.util.List;

/**
 * A broadcast that could not be delivered. Thrown by {@code fire()} and {@link Broadcaster} calls,
 * carried by a failed {@code fireAsync()} stage and by {@link BroadcastFailed}.
 *
 * <pre>{@code
 * try {
 *     broadcaster.channel("releases", "NewRelease", Map.of("version", "4.0.0"));
 * } catch (BroadcastException e) {
 *     log.warn("Not sent on " + e.channels() + " through " + e.connection(), e);
 * }
 * }</pre>
 *
 * <p>The message names the connection, the channels, the event and the reason; it never contains the secret.
 */
public class BroadcastException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** The connection the event went through. */
    private final String connection;
    /** The channels the event was meant for. */
    private final List<String> channels;
    /** The event's name. */
    private final String event;
    /** What went wrong. */
    private final String reason;

    /**
     * A delivery failure of {@code event} on {@code channels} through {@code connection}.
     *
     * @param connection the connection's name
     * @param channels the channels the event was meant for
     * @param event the event's name
     * @param reason what went wrong, in a few words ({@code "Pusher answered 500: boom"})
     * @param cause the underlying exception, or {@code null}
     */
    public BroadcastException(String connection, List<String> channels, String event, String reason, Throwable cause) {
        super("HERALD-0100: Could not broadcast '" + event + "' on " + channels + " through connection '"
                + connection + "': " + reason, cause);
        this.connection = connection;
        this.channels = List.copyOf(channels);
        this.event = event;
        this.reason = reason;
    }

    /**
     * The name of the connection ({@code broadcast.<connection>.*}) the event went through.
     *
     * @return the connection's name
     */
    public String connection() {
        return connection;
    }

    /**
     * The channels the event was meant for.
     *
     * @return the channels' full names
     */
    public List<String> channels() {
        return channels;
    }

    /**
     * The event name.
     *
     * @return the event's name
     */
    public String event() {
        return event;
    }

    /**
     * What went wrong, in a few words, without the connection, channels and event the message names.
     *
     * @return the reason
     */
    public String reason() {
        return reason;
    }
}
