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
     * only when a user is signed in (see the README's "sender rule").
     */
    List<Channel> broadcastOn();

    /** The event name the browser binds to; by default the class's simple name ({@code NewRelease}). */
    default String broadcastAs() {
        return getClass().getSimpleName();
    }

    /**
     * The payload. By default the event itself, whose fields become the JSON object. A {@link String}
     * is sent unchanged (it is taken to be JSON or text already); anything else is serialised to JSON.
     */
    default Object broadcastWith() {
        return this;
    }
}
