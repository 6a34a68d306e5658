package io.herald.internal.observability;

import jakarta.enterprise.inject.spi.CDI;
import java.util.function.Supplier;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Readiness;

/**
 * Readiness of broadcasting ({@code herald-broadcasting}): UP while every part of it can take work, DOWN while a
 * connection's queue is full or stopped; each part's data (a queue's depth) is in the answer. A bean only where
 * MicroProfile Health is (added by Herald's extensions).
 */
// A bean class, not only a synthetic bean: GlassFish finds checks by the @Readiness on the bean's class (a synthetic
// bean shows it none). No bean-defining annotation: only Herald's extensions make it a bean, where Health is present.
@Readiness
public final class DeliveryReadiness implements HealthCheck {
    /** The check's name, as health endpoints list it. */
    public static final String NAME = "herald-broadcasting";

    private final Supplier<ReadinessSource> lookup;
    private volatile ReadinessSource source;

    /**
     * The check as a bean class: it finds its source through the deployment's CDI on first use (Payara creates checks
     * before the application's beans, and the lookup of the bean that creates it cannot see them there).
     */
    public DeliveryReadiness() {
        this(() -> CDI.current().select(ReadinessSource.class).get());
    }

    /** A check that finds its source on first use: some servers create checks before the application's beans. */
    public DeliveryReadiness(Supplier<ReadinessSource> lookup) {
        this.lookup = lookup;
    }

    @Override
    public HealthCheckResponse call() {
        ReadinessSource found = source;
        if (found == null) {
            found = lookup.get();
            source = found;
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME).up();
        for (ReadinessSource.Part part : found.readinessParts()) {
            part.data().forEach(response::withData);
            if (!part.up()) {
                response.down();
            }
        }
        return response.build();
    }
}
