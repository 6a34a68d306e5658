package io.herald.spi;

/**
 * Sends events for one configured connection. Created by a {@link BroadcastDriverFactory}; Herald checks
 * channel names, event names and payload sizes before {@link #send} is called.
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

    /** Releases connections and threads; called once when the application stops. */
    @Override
    default void close() {
    }
}
