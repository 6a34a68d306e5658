package io.herald.spi;

import java.util.List;

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
     * @param event what to deliver: its channels, name, JSON data and the socket to leave out
     * @throws io.herald.BroadcastException when the event was not accepted ({@link RetryableBroadcastException} when
     *     trying again may help); other runtime exceptions are wrapped into one by Herald
     */
    void send(OutboundEvent event);

    /**
     * Delivers several single-channel events at once where the service allows it (Pusher's {@code batch_events}
     * takes 10); Herald's delivery engine calls it with at most {@link #maxBatchSize()} events. By default each is
     * sent on its own.
     *
     * @param events single-channel events, at most {@link #maxBatchSize()}
     * @throws io.herald.BroadcastException when the batch was not accepted; the engine then retries it, or sends its
     *     events one by one to find the one that cannot go
     */
    default void sendBatch(List<OutboundEvent> events) {
        events.forEach(this::send);
    }

    /**
     * The most events {@link #sendBatch} takes in one call.
     *
     * @return 1 unless the service takes batches
     */
    default int maxBatchSize() {
        return 1;
    }

    /**
     * Closes every connection signed in as {@code userId}. Drivers without user connections need not support it.
     *
     * @param userId the user whose connections close
     * @throws UnsupportedOperationException by default
     */
    default void terminateUserConnections(String userId) {
        throw new UnsupportedOperationException("This driver cannot terminate user connections");
    }

    /**
     * Whether the driver can deliver now, for readiness checks: a driver that depends on a link it does not own (the
     * {@code local} driver's Redis in a cluster) says false while that link is down. True by default.
     *
     * @return whether events can be delivered now
     */
    default boolean isReady() {
        return true;
    }

    /** Releases connections and threads; called once when the application stops. */
    @Override
    default void close() {
    }
}
