package io.herald.internal.delivery;

import java.util.function.Supplier;

/** What the delivery engine counts; recorded through Micrometer when the application has it, else nowhere. */
interface DeliveryMetrics {

    /** Records nothing. */
    DeliveryMetrics NONE = new DeliveryMetrics() {
    };

    default void queued() {
    }

    default void sent(int events, long requestNanos) {
    }

    default void retried(int events) {
    }

    default void failed(int events) {
    }

    default void queueDepth(Supplier<Number> depth) {
    }
}
