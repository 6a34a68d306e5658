package io.herald.internal.observability;

import io.herald.internal.delivery.DeliveryMetrics;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * The delivery engine's counts in Micrometer, tagged with the connection: {@code herald.broadcasts.queued},
 * {@code .sent}, {@code .retried}, {@code .failed}, the timer {@code herald.broadcasts.request} and the gauge
 * {@code herald.broadcasts.queue.depth}. Loaded only when Micrometer is on the class path.
 */
final class MicrometerMetrics implements DeliveryMetrics {
    private final MeterRegistry registry;
    private final String connection;
    private final Counter queued;
    private final Counter sent;
    private final Counter retried;
    private final Counter failed;
    private final Timer request;

    MicrometerMetrics(MeterRegistry registry, String connection) {
        this.registry = registry;
        this.connection = connection;
        this.queued = counter("herald.broadcasts.queued", "Events queued for delivery");
        this.sent = counter("herald.broadcasts.sent", "Events delivered");
        this.retried = counter("herald.broadcasts.retried", "Event deliveries tried again");
        this.failed = counter("herald.broadcasts.failed", "Events reported as BroadcastFailed");
        this.request = Timer.builder("herald.broadcasts.request").description("Time of one delivery request")
                .tag("connection", connection).register(registry);
    }

    private Counter counter(String name, String description) {
        return Counter.builder(name).description(description).tag("connection", connection).register(registry);
    }

    @Override
    public void queued() {
        queued.increment();
    }

    @Override
    public void sent(int events, long requestNanos) {
        sent.increment(events);
        request.record(requestNanos, TimeUnit.NANOSECONDS);
    }

    @Override
    public void retried(int events) {
        retried.increment(events);
    }

    @Override
    public void failed(int events) {
        failed.increment(events);
    }

    @Override
    public void queueDepth(Supplier<Number> depth) {
        Gauge.builder("herald.broadcasts.queue.depth", depth).description("Events waiting to be delivered")
                .tag("connection", connection).register(registry);
    }
}
