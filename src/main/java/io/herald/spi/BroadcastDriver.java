package io.herald.spi;

/**
 * Sends events for one configured connection. Created by a {@link BroadcastDriverFactory}; Herald checks
 * channel names, event names and payload sizes before {@link #send} is called. Channel names are the ones
 * applications may use, plus Pusher's {@code #server-to-user-<id>} for {@code sendToUser}.
 *
 * <pre>{@code
 * final class StdoutDriver implements BroadcastDriver {
 *     public void send(OutboundEvent event) {
 *         System.out.println(event.name() + " -> " + event.channels());
 *     }
 * }
 * }</pre>
 */
public interface BroadcastDriver extends AutoCloseable {

    /**
     * Delivers {@code event}, or throws.
     *
     * @throws io.herald.BroadcastException when the event was not accepted; other runtime exceptions are
     *     wrapped into one by Herald
     */
    void send(OutboundEvent event);

    /**
     * Closes every connection signed in as {@code userId}. Drivers without user connections need not support it.
     *
     * @throws UnsupportedOperationException by default
     */
    default void terminateUserConnections(String userId) {
        throw new UnsupportedOperationException("This driver cannot terminate user connections");
    }

    /** Releases connections and threads; called once when the application stops. */
    @Override
    default void close() {
    }
}
