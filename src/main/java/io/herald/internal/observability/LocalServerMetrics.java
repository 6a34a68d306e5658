package io.herald.internal.observability;

import java.util.function.Supplier;

/**
 * What one {@code local} server counts: events published into it, by where they came from, and its open
 * connections; recorded through Micrometer when the application has it, else nowhere.
 *
 * <pre>{@code
 * LocalServerMetrics metrics = Observability.localServerMetrics("local");
 * metrics.published(Source.REST_API);
 * }</pre>
 */
public interface LocalServerMetrics {

    /** Records nothing. */
    LocalServerMetrics NONE = new LocalServerMetrics() {
    };

    /** Where an event published into the server came from. */
    enum Source {
        /** The application, through Herald's {@code local} driver. */
        APPLICATION("application"),
        /** A Pusher server library, through the REST API. */
        REST_API("rest-api"),
        /** A client's {@code client-} event. */
        CLIENT("client");

        private final String tag;

        Source(String tag) {
            this.tag = tag;
        }

        /** The tag value. */
        public String tag() {
            return tag;
        }
    }

    /** One event published into the server (before it fans out to subscribers). */
    default void published(Source source) {
    }

    /** Webhooks: {@code outcome} {@code sent}, {@code failed} (given up after retries) or {@code dropped} (queue full). */
    default void webhooks(String outcome, int events) {
    }

    /** A connection or request refused by a production control; {@code reason} is its tag, e.g. {@code origin}. */
    default void refused(String reason) {
    }

    /** Where to read the number of open connections from. */
    default void connections(Supplier<Number> count) {
    }
}
