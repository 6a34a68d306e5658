package io.herald.internal.observability;

import io.herald.spi.OutboundEvent;

/**
 * Traces broadcasts: each is a producer span, started where the event was handed to Herald (so that it is a child of
 * the span that fired it) and ended once it was delivered or given up on, with each retry an event on it. Through
 * OpenTelemetry where the application has it, else nowhere.
 *
 * <pre>{@code
 * BroadcastSpan span = Observability.tracing().start("pusher", "pusher", event);
 * span.retrying(2, "Pusher answered 503");
 * span.delivered();
 * }</pre>
 */
public interface BroadcastTracing {

    /** Traces nothing. */
    BroadcastTracing NONE = (connection, driver, event) -> BroadcastSpan.NONE;

    /** Starts the span of one broadcast, as a child of the current span. */
    BroadcastSpan start(String connection, String driver, OutboundEvent event);

    /** One broadcast's span; ended by {@link #delivered()} or {@link #failed(String)}, once. */
    interface BroadcastSpan {

        /** A span that records nothing. */
        BroadcastSpan NONE = new BroadcastSpan() {
        };

        /** The request failed and is tried again ({@code attempt} is the try about to start). */
        default void retrying(int attempt, String reason) {
        }

        /** Delivered: the span ends. */
        default void delivered() {
        }

        /** Given up on: the span ends with an error status. */
        default void failed(String reason) {
        }
    }
}
