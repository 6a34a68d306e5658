package io.herald.internal.extension;

import io.herald.internal.observability.DeliveryReadiness;
import io.herald.internal.observability.Observability;
import io.herald.internal.observability.ReadinessSource;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.literal.SingletonLiteral;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Adds {@link DeliveryReadiness} as a {@code @Readiness} bean, from either extension. Kept apart
 * from them so that they load where MicroProfile Health is absent; called only after
 * {@link Observability#healthPresent()}. The bean is {@code @Singleton}, a pseudo-scope: a normal scope would need a
 * client proxy, which Quarkus cannot make of a final class and which a check that holds no state does not need.
 * Public, with its {@link Creator}, because Quarkus instantiates the creator from generated code.
 */
public final class ReadinessBean {
    /** The scope of the readiness bean, the same in both extensions. */
    static final Class<Singleton> SCOPE = Singleton.class;

    private ReadinessBean() {
    }

    /**
     * From the portable extension: the check's class becomes a bean of the deployment, so that every container's
     * Health finds it, GlassFish's too (it reads {@code @Readiness} from the bean's class, which a synthetic bean
     * does not have).
     */
    static void add(BeforeBeanDiscovery discovery) {
        discovery.addAnnotatedType(DeliveryReadiness.class, DeliveryReadiness.class.getName())
                .add(SingletonLiteral.INSTANCE);
    }

    /** From the build-compatible extension: a synthetic bean, which Quarkus's Health finds by its qualifier. */
    static void add(SyntheticComponents components) {
        components.addBean(DeliveryReadiness.class)
                .type(HealthCheck.class)
                .type(DeliveryReadiness.class)
                .qualifier(Readiness.class)
                .scope(SCOPE)
                .createWith(Creator.class);
    }

    /** Makes the build-compatible extension's bean. */
    public static final class Creator implements SyntheticBeanCreator<DeliveryReadiness> {
        @Override
        public DeliveryReadiness create(Instance<Object> lookup, Parameters parameters) {
            return new DeliveryReadiness(() -> lookup.select(ReadinessSource.class).get());
        }
    }
}
