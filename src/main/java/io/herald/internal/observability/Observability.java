package io.herald.internal.observability;

import io.herald.internal.delivery.DeliveryMetrics;
import jakarta.enterprise.inject.spi.CDI;

/**
 * Finds the optional integrations without requiring them: Micrometer is used when its classes are there and the
 * application has a {@code MeterRegistry} bean; MicroProfile Health when its API is there.
 */
public final class Observability {
    private static final boolean MICROMETER = present("io.micrometer.core.instrument.MeterRegistry");
    private static final boolean HEALTH = present("org.eclipse.microprofile.health.HealthCheck");

    private Observability() {
    }

    /** Metrics for one connection: Micrometer's, or none. */
    public static DeliveryMetrics metrics(String connection) {
        if (!MICROMETER) {
            return DeliveryMetrics.NONE;
        }
        try {
            var registries = CDI.current().select(io.micrometer.core.instrument.MeterRegistry.class);
            return registries.isResolvable() ? new MicrometerMetrics(registries.get(), connection) : DeliveryMetrics.NONE;
        } catch (RuntimeException noRegistryHere) {
            return DeliveryMetrics.NONE;
        }
    }

    /** Whether MicroProfile Health's API is there, so that the readiness check can be a bean. */
    public static boolean healthPresent() {
        return HEALTH;
    }

    private static boolean present(String type) {
        try {
            Class.forName(type, false, Observability.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException | LinkageError e) {
            return false;
        }
    }
}
