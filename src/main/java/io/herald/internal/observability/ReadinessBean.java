package io.herald.internal.observability;

import io.herald.internal.delivery.Connections;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Adds {@link DeliveryReadiness} as a {@code @Readiness} bean, from either extension. Kept apart from them so that
 * they load where MicroProfile Health is absent; called only after {@link Observability#healthPresent()}.
 */
public final class ReadinessBean {

    private ReadinessBean() {
    }

    /** From the portable extension. */
    public static void add(AfterBeanDiscovery discovery) {
        discovery.addBean()
                .beanClass(DeliveryReadiness.class)
                .types(HealthCheck.class, DeliveryReadiness.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(ApplicationScoped.class)
                .produceWith(lookup -> new DeliveryReadiness(lookup.select(Connections.class).get()));
    }

    /** From the build-compatible extension. */
    public static void add(SyntheticComponents components) {
        components.addBean(DeliveryReadiness.class)
                .type(HealthCheck.class)
                .type(DeliveryReadiness.class)
                .qualifier(Readiness.class)
                .scope(ApplicationScoped.class)
                .createWith(Creator.class);
    }

    /** Makes the build-compatible extension's bean. */
    public static final class Creator implements SyntheticBeanCreator<DeliveryReadiness> {
        @Override
        public DeliveryReadiness create(Instance<Object> lookup, Parameters parameters) {
            return new DeliveryReadiness(lookup.select(Connections.class).get());
        }
    }
}
