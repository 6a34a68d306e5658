package io.herald.internal.extension;

import io.herald.internal.observability.Observability;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.BuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.InjectionPointInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.SkipIfPortableExtensionPresent;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;
import jakarta.enterprise.lang.model.declarations.ClassInfo;
import jakarta.enterprise.lang.model.declarations.DeclarationInfo;
import jakarta.enterprise.lang.model.types.Type;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The build-compatible twin of {@link BroadcastExtension}, for CDI Lite (Quarkus): the same check, through the
 * language model instead of reflection, and the same readiness check. Skipped wherever the portable extension runs.
 */
@SkipIfPortableExtensionPresent(BroadcastExtension.class)
public class BroadcastBuildCompatibleExtension implements BuildCompatibleExtension {

    @Registration(types = Object.class)
    public void checkBroadcastEvents(BeanInfo bean, Messages messages) {
        for (InjectionPointInfo injectionPoint : bean.injectionPoints()) {
            Type type = injectionPoint.type();
            if (!type.isParameterizedType()
                    || !type.asParameterizedType().declaration().name().equals(BroadcastEventRule.EVENT)
                    || injectionPoint.qualifiers().stream()
                            .noneMatch(q -> q.name().equals(BroadcastEventRule.BROADCAST))) {
                continue;
            }
            ClassInfo eventType = rawClass(type.asParameterizedType().typeArguments().get(0));
            if (eventType == null) {
                continue;
            }
            String where = describe(injectionPoint.declaration());
            BroadcastEventRule.check(where, eventType, ClassInfo::name, BroadcastBuildCompatibleExtension::supertypes)
                    .ifPresent(problem -> messages.error(problem, injectionPoint.declaration()));
        }
    }

    @Synthesis
    public void addReadinessCheck(SyntheticComponents components) {
        if (Observability.healthPresent()) {
            ReadinessBean.add(components);
        }
    }

    private static ClassInfo rawClass(Type type) {
        if (type.isClass()) {
            return type.asClass().declaration();
        }
        return type.isParameterizedType() ? type.asParameterizedType().declaration() : null;
    }

    private static Collection<ClassInfo> supertypes(ClassInfo type) {
        List<ClassInfo> supertypes = new ArrayList<>();
        type.superInterfaces().forEach(parent -> supertypes.add(rawClass(parent)));
        if (type.superClass() != null) {
            supertypes.add(rawClass(type.superClass()));
        }
        supertypes.removeIf(java.util.Objects::isNull);
        return supertypes;
    }

    private static String describe(DeclarationInfo declaration) {
        if (declaration.isField()) {
            return declaration.asField().declaringClass().name() + "." + declaration.asField().name();
        }
        var method = declaration.asParameter().declaringMethod();
        return method.declaringClass().name() + "." + method.name();
    }
}
