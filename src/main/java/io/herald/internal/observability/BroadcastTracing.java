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

    /**
     * Both: each broadcast's span is {@code first}'s and {@code second}'s (the tracer's and Herald's console's).
     *
     * @return {@code first} alone when {@code second} is {@link #NONE}
     */
    static BroadcastTracing both(BroadcastTracing first, BroadcastTracing second) {
        if (second == NONE) {
            return first;
        }
        return (connection, driver, event) -> {
            BroadcastSpan one = first.start(connection, driver, event);
            BroadcastSpan two = second.start(connection, driver, event);
            if (two == BroadcastSpan.NONE) {
                return one;
            }
            return new BroadcastSpan() {
                @Override
                public void retrying(int attempt, String reason) {
                    one.retrying(attempt, reason);
                    two.retrying(attempt, reason);
                }

                @Override
                public void delivered() {
                    one.delivered();
                    two.delivered();
                }

                @Override
                public void failed(String reason) {
                    one.failed(reason);
                    two.failed(reason);
                }
            };
        };
    }

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
