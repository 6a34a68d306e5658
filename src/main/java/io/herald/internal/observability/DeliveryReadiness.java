package io.herald.internal.observability;

import io.herald.internal.delivery.Connections;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;

/**
 * Readiness of the opened connections ({@code herald-broadcasting}): DOWN while a connection's queue is full or
 * stopped, with each queue's depth. A bean only where MicroProfile Health is (added by Herald's extensions).
 */
public final class DeliveryReadiness implements HealthCheck {
    private final Connections connections;

    public DeliveryReadiness(Connections connections) {
        this.connections = connections;
    }

    @Override
    public HealthCheckResponse call() {
        HealthCheckResponseBuilder response = HealthCheckResponse.named("herald-broadcasting").up();
        connections.opened().forEach(connection -> {
            response.withData(connection.name() + ".queue-depth", connection.queueDepth());
            if (!connection.isAccepting() || connection.queueFull()) {
                response.down();
            }
        });
        return response.build();
    }
}
