package io.herald.internal.observability;

import io.herald.internal.OptionalClasses;
import java.util.function.Supplier;
/**
 * Finds the optional integrations without requiring them: Micrometer is used when its classes are there and the
 * application has a {@code MeterRegistry} bean; OpenTelemetry when its API is there (its {@code OpenTelemetry} bean,
 * else the global one); MicroProfile Health when its API is there. No class that names their types is loaded
 * otherwise.
 *
 * <pre>{@code
 * DeliveryMetrics metrics = Observability.metrics("pusher", "pusher");   // DeliveryMetrics.NONE without Micrometer
 * BroadcastTracing tracing = Observability.tracing();                    // BroadcastTracing.NONE without OpenTelemetry
 * }</pre>
 */
public final class Observability {
    private static final boolean MICROMETER = OptionalClasses.present("io.micrometer.core.instrument.MeterRegistry");
    private static final boolean OPENTELEMETRY = OptionalClasses.present("io.opentelemetry.api.OpenTelemetry");
    private static final boolean HEALTH = OptionalClasses.present("org.eclipse.microprofile.health.HealthCheck");

    private Observability() {
    }

    /** Metrics for one connection: Micrometer's, or none. */
    public static DeliveryMetrics metrics(String connection, String driver) {
        return MICROMETER ? MicrometerMetrics.delivery(connection, driver).orElse(DeliveryMetrics.NONE)
                : DeliveryMetrics.NONE;
    }

    /** Metrics for one {@code local} server: Micrometer's, or none. */
    public static LocalServerMetrics localServerMetrics(String connection) {
        return MICROMETER ? MicrometerMetrics.localServer(connection).orElse(LocalServerMetrics.NONE)
                : LocalServerMetrics.NONE;
    }

    /** Gauges of a connection's outbox (rows waiting, the oldest one's age in seconds, rows given up on). */
    public static void outboxGauges(String connection, Supplier<Number> waiting, Supplier<Number> oldestSeconds,
            Supplier<Number> failed) {
        if (MICROMETER) {
            MicrometerMetrics.outboxGauges(connection, waiting, oldestSeconds, failed);
        }
    }

    /** Spans for broadcasts: OpenTelemetry's, or none. */
    public static BroadcastTracing tracing() {
        return OPENTELEMETRY ? OpenTelemetryTracing.create() : BroadcastTracing.NONE;
    }

    /** Whether MicroProfile Health's API is there, so that the readiness check can be a bean. */
    public static boolean healthPresent() {
        return HEALTH;
    }
}
