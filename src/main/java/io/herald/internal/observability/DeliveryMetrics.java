package io.herald.internal.observability;

import java.util.function.Supplier;

/**
 * What one connection's delivery counts, the same for every path an event takes (a synchronous {@code fire()}, the
 * queue behind {@code fireAsync()} and {@code channelAsync}); recorded through Micrometer when the application has it,
 * else nowhere.
 *
 * <pre>{@code
 * DeliveryMetrics metrics = Observability.metrics("pusher", "pusher");
 * metrics.sent(Mode.SYNC, 1, requestNanos);
 * }</pre>
 */
public interface DeliveryMetrics {

    /** Records nothing. */
    DeliveryMetrics NONE = new DeliveryMetrics() {
    };

    /** How an event was sent: on the caller's thread, or through the connection's queue. */
    enum Mode {
        SYNC, QUEUED;

        /** The tag value. */
        public String tag() {
            return name().toLowerCase();
        }
    }

    /** One event queued. */
    default void queued() {
    }

    /** Events delivered by one request that took {@code requestNanos}. */
    default void sent(Mode mode, int events, long requestNanos) {
    }

    /** Events whose request is tried again. */
    default void retried(int events) {
    }

    /** Events given up on (a synchronous one is thrown to its caller, a queued one reported). */
    default void failed(Mode mode, int events) {
    }

    /** Where to read the queue's depth from. */
    default void queueDepth(Supplier<Number> depth) {
    }
}
