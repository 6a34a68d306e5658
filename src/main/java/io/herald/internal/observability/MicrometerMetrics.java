package io.herald.internal.observability;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.enterprise.inject.spi.CDI;
import java.util.EnumMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * Herald's meters in Micrometer, named as Micrometer names them (Prometheus shows {@code herald.broadcasts.sent} as
 * {@code herald_broadcasts_sent_total}) and tagged with the connection and its driver. Loaded only when Micrometer is on
 * the class path; the application's {@code MeterRegistry} bean is where they go.
 *
 * <pre>{@code
 * MicrometerMetrics.delivery("pusher", "pusher");   // Optional.empty() without a MeterRegistry bean
 * }</pre>
 */
final class MicrometerMetrics {
    static final String QUEUED = "herald.broadcasts.queued";
    static final String SENT = "herald.broadcasts.sent";
    static final String RETRIED = "herald.broadcasts.retried";
    static final String FAILED = "herald.broadcasts.failed";
    static final String REQUEST = "herald.broadcasts.request";
    static final String QUEUE_DEPTH = "herald.broadcasts.queue.depth";
    static final String PUBLISHED = "herald.local.events.published";
    static final String CONNECTIONS = "herald.local.connections";
    static final String WEBHOOK_EVENTS = "herald.local.webhook.events";
    static final String REFUSED = "herald.local.refused";

    private MicrometerMetrics() {
    }

    static Optional<DeliveryMetrics> delivery(String connection, String driver) {
        return registry().map(registry -> new Delivery(registry, connection, driver));
    }

    static void outboxGauges(String connection, Supplier<Number> waiting, Supplier<Number> oldestSeconds,
            Supplier<Number> failed) {
        registry().ifPresent(registry -> {
            Gauge.builder("herald.outbox.waiting", waiting).description("Outbox rows waiting to be sent")
                    .tag("connection", connection).register(registry);
            Gauge.builder("herald.outbox.oldest.seconds", oldestSeconds).description("Age of the oldest waiting row")
                    .tag("connection", connection).register(registry);
            Gauge.builder("herald.outbox.failed", failed).description("Outbox rows given up on (kept, marked failed)")
                    .tag("connection", connection).register(registry);
        });
    }

    static Optional<LocalServerMetrics> localServer(String connection) {
        return registry().map(registry -> new LocalServer(registry, connection));
    }

    private static Optional<MeterRegistry> registry() {
        try {
            var registries = CDI.current().select(MeterRegistry.class);
            return registries.isResolvable() ? Optional.of(registries.get()) : Optional.empty();
        } catch (RuntimeException noRegistryHere) {
            return Optional.empty();
        }
    }

    /** One connection's delivery meters. */
    private static final class Delivery implements DeliveryMetrics {
        private final MeterRegistry registry;
        private final String connection;
        private final String driver;
        private final Counter queued;
        private final Counter retried;
        private final Map<Mode, Counter> sent = new EnumMap<>(Mode.class);
        private final Map<Mode, Counter> failed = new EnumMap<>(Mode.class);
        private final Map<Mode, Timer> request = new EnumMap<>(Mode.class);

        Delivery(MeterRegistry registry, String connection, String driver) {
            this.registry = registry;
            this.connection = connection;
            this.driver = driver;
            this.queued = counter(QUEUED, "Events handed to the delivery queue", null);
            this.retried = counter(RETRIED, "Event deliveries tried again", null);
            for (Mode mode : Mode.values()) {
                sent.put(mode, counter(SENT, "Events delivered", mode));
                failed.put(mode, counter(FAILED, "Events that could not be delivered", mode));
                request.put(mode, Timer.builder(REQUEST).description("Time of one delivery request")
                        .tags("connection", connection, "driver", driver, "mode", mode.tag()).register(registry));
            }
        }

        private Counter counter(String name, String description, Mode mode) {
            Counter.Builder builder = Counter.builder(name).description(description)
                    .tags("connection", connection, "driver", driver);
            return (mode == null ? builder : builder.tag("mode", mode.tag())).register(registry);
        }

        @Override
        public void queued() {
            queued.increment();
        }

        @Override
        public void sent(Mode mode, int events, long requestNanos) {
            sent.get(mode).increment(events);
            request.get(mode).record(requestNanos, TimeUnit.NANOSECONDS);
        }

        @Override
        public void retried(int events) {
            retried.increment(events);
        }

        @Override
        public void failed(Mode mode, int events) {
            failed.get(mode).increment(events);
        }

        @Override
        public void queueDepth(Supplier<Number> depth) {
            Gauge.builder(QUEUE_DEPTH, depth).description("Events waiting to be delivered")
                    .tags("connection", connection, "driver", driver).register(registry);
        }
    }

    /** One local server's meters. */
    private static final class LocalServer implements LocalServerMetrics {
        private final MeterRegistry registry;
        private final String connection;
        private final Map<Source, Counter> published = new EnumMap<>(Source.class);

        LocalServer(MeterRegistry registry, String connection) {
            this.registry = registry;
            this.connection = connection;
            for (Source source : Source.values()) {
                published.put(source, Counter.builder(PUBLISHED).description("Events published into the local server")
                        .tags("connection", connection, "source", source.tag()).register(registry));
            }
        }

        @Override
        public void published(Source source) {
            published.get(source).increment();
        }

        @Override
        public void webhooks(String outcome, int events) {
            Counter.builder(WEBHOOK_EVENTS).description("Channel events sent to webhook URLs, by outcome")
                    .tags("connection", connection, "outcome", outcome).register(registry).increment(events);
        }

        @Override
        public void refused(String reason) {
            Counter.builder(REFUSED).description("Connections and requests refused by the local server's controls")
                    .tags("connection", connection, "reason", reason).register(registry).increment();
        }

        @Override
        public void connections(Supplier<Number> count) {
            Gauge.builder(CONNECTIONS, count).description("Open WebSocket connections to the local server")
                    .tag("connection", connection).register(registry);
        }
    }
}
