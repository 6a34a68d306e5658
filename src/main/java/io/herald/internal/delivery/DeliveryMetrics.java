package io.herald.internal.delivery;

import java.util.function.Supplier;

/** What the delivery engine counts; recorded through Micrometer when the application has it, else nowhere. */
public interface DeliveryMetrics {

    /** Records nothing. */
    DeliveryMetrics NONE = new DeliveryMetrics() {
    };

    /** One event queued. */
    default void queued() {
    }

    /** Events delivered by one request that took {@code requestNanos}. */
    default void sent(int events, long requestNanos) {
    }

    /** Events whose request is tried again. */
    default void retried(int events) {
    }

    /** Events given up on and reported. */
    default void failed(int events) {
    }

    /** Where to read the queue's depth from. */
    default void queueDepth(Supplier<Number> depth) {
    }
}
