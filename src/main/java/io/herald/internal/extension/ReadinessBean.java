package io.herald.internal.extension;

import io.herald.internal.observability.DeliveryReadiness;
import io.herald.internal.observability.Observability;
import io.herald.internal.observability.ReadinessSource;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.inject.build.compatible.spi.Parameters;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticBeanCreator;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.inject.spi.AfterBeanDiscovery;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.Readiness;

/**
 * Adds {@link DeliveryReadiness} as a {@code @Readiness} bean, from either extension, in the same way. Kept apart
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

    /** From the portable extension. */
    static void add(AfterBeanDiscovery discovery) {
        discovery.addBean()
                .beanClass(DeliveryReadiness.class)
                .types(HealthCheck.class, DeliveryReadiness.class, Object.class)
                .qualifiers(Readiness.Literal.INSTANCE, Any.Literal.INSTANCE)
                .scope(SCOPE)
                .produceWith(lookup -> {
                    // The lookup handed in here cannot see the application's beans in Payara: resolve through the
                    // deployment's CDI now, and get the bean when first asked (Payara creates checks early).
                    Instance<ReadinessSource> source = CDI.current().select(ReadinessSource.class);
                    return new DeliveryReadiness(source::get);
                });
    }

    /** From the build-compatible extension. */
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
