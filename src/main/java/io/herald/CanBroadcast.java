package io.herald;

import java.util.List;

/**
 * An event that knows where and how it is broadcast: the Java form of Masonite's {@code CanBroadcast}.
 *
 * <pre>{@code
 * public record NewRelease(String version) implements CanBroadcast {
 *     public List<Channel> broadcastOn() {
 *         return List.of(new Channel("releases"));
 *     }
 *
 *     public Object broadcastWith() {           // optional: the record itself is the default payload
 *         return Map.of("message", "Version " + version + " has been released !");
 *     }
 * }
 * }</pre>
 *
 * <p>The browser receives the event under {@link #broadcastAs()} (the class's simple name unless
 * overridden) with {@link #broadcastWith()} serialised as JSON.
 */
public interface CanBroadcast {

    /**
     * The channels this event goes out on. {@link PrivateChannel} and {@link PresenceChannel} are sent
     * only when a user is signed in (see docs/writing-events.md, "the sender rule").
     *
     * @return the channels
     */
    List<Channel> broadcastOn();

    /**
     * The event name the browser binds to; by default the class's simple name ({@code NewRelease}).
     *
     * @return the event's name
     */
    default String broadcastAs() {
        return getClass().getSimpleName();
    }

    /**
     * The payload. By default the event itself, whose fields become the JSON object. A {@link String}
     * is sent unchanged (it is taken to be JSON or text already); anything else is serialised to JSON.
     *
     * @return the payload
     */
    default Object broadcastWith() {
        return this;
    }

    /**
     * Whether this event is broadcast at all; by default it is. Checked on every path ({@code fire()},
     * {@code fireAsync()}, {@link Broadcaster}) before anything else.
     *
     * <pre>{@code
     * public boolean broadcastWhen() {
     *     return amount > 1_000;   // only large orders go to the dashboard
     * }
     * }</pre>
     *
     * @return whether to send it
     */
    default boolean broadcastWhen() {
        return true;
    }

    /**
     * The connections ({@code broadcast.<connection>.*}) this event goes out through; by default none named, which
     * means the default connection. Each connection delivers, or fails naming itself, on its own.
     *
     * <pre>{@code
     * public List<String> broadcastConnections() {
     *     return List.of("pusher", "local");   // during a move from Pusher Channels to Herald's own server
     * }
     * }</pre>
     *
     * @return the connections' names
     */
    default List<String> broadcastConnections() {
        return List.of();
    }

    /**
     * Whether the browser that caused this event should not receive it: when the event is fired while handling a
     * request that carries an {@code X-Socket-ID} header (pusher-js's {@code pusher.connection.socket_id}), that
     * connection is left out. By default everyone receives it.
     *
     * <pre>{@code
     * public boolean broadcastToOthers() {
     *     return true;   // the sender has already shown its own message
     * }
     * }</pre>
     *
     * @return whether the sender is left out
     */
    default boolean broadcastToOthers() {
        return false;
    }
}
