package io.herald.internal.extension;

import jakarta.enterprise.event.Observes;
import io.herald.internal.observability.Observability;
import io.herald.internal.HeraldMessages;
import io.herald.internal.OptionalClasses;
import jakarta.enterprise.inject.spi.BeforeBeanDiscovery;
import jakarta.enterprise.inject.spi.DefinitionException;
import jakarta.enterprise.inject.spi.DeploymentException;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.InjectionPoint;
import jakarta.enterprise.inject.spi.ProcessInjectionPoint;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Herald's portable extension, for CDI Full containers (WildFly, Payara, Weld SE). It fails the deployment on an
 * {@code @Broadcast Event<T>} whose {@code T} cannot be broadcast, and adds the readiness check where MicroProfile
 * Health is; the observing is done by a plain bean. {@link BroadcastBuildCompatibleExtension} is its twin for CDI
 * Lite (Quarkus): the same steps, in the same order.
 */
public class BroadcastExtension implements Extension {
    private static final String CDI_4_TYPE = "jakarta.enterprise.event.Startup";

    // First of all, so that a container below Herald's platform fails with this rather than with a
    // NoClassDefFoundError from a bean that observes Startup. (The build-compatible twin needs no such step: only CDI
    // 4.0 and later run build-compatible extensions.)
    void requireCdi4(@Observes BeforeBeanDiscovery discovery) {
        if (!OptionalClasses.present(CDI_4_TYPE)) {
            throw new DeploymentException(HeraldMessages.platformTooOld(CDI_4_TYPE));
        }
    }

    void checkBroadcastEvents(@Observes ProcessInjectionPoint<?, ?> event) {
        InjectionPoint injectionPoint = event.getInjectionPoint();
        if (!(injectionPoint.getType() instanceof ParameterizedType type)
                || !type.getRawType().getTypeName().equals(BroadcastEventRule.EVENT)
                || injectionPoint.getQualifiers().stream()
                        .noneMatch(q -> q.annotationType().getName().equals(BroadcastEventRule.BROADCAST))) {
            return;
        }
        Class<?> eventType = rawClass(type.getActualTypeArguments()[0]);
        if (eventType == null) {
            return;
        }
        String where = injectionPoint.getMember().getDeclaringClass().getName() + "." + injectionPoint.getMember().getName();
        BroadcastEventRule.check(where, eventType, Class::getName, BroadcastExtension::supertypes)
                .ifPresent(problem -> event.addDefinitionError(new DefinitionException(problem)));
    }

    void addReadinessCheck(@Observes BeforeBeanDiscovery discovery) {
        if (Observability.healthPresent()) {
            ReadinessBean.add(discovery);
        }
    }

    private static Class<?> rawClass(Type type) {
        if (type instanceof Class<?> plain) {
            return plain;
        }
        return type instanceof ParameterizedType generic ? (Class<?>) generic.getRawType() : null;
    }

    private static Collection<Class<?>> supertypes(Class<?> type) {
        List<Class<?>> supertypes = new ArrayList<>(List.of(type.getInterfaces()));
        if (type.getSuperclass() != null) {
            supertypes.add(type.getSuperclass());
        }
        return supertypes;
    }
}
