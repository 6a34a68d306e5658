package io.herald.testing;

import io.herald.internal.extension.BroadcastBuildCompatibleExtension;
import jakarta.enterprise.inject.build.compatible.spi.BeanInfo;
import jakarta.enterprise.inject.build.compatible.spi.Messages;
import jakarta.enterprise.inject.build.compatible.spi.Registration;
import jakarta.enterprise.inject.build.compatible.spi.Synthesis;
import jakarta.enterprise.inject.build.compatible.spi.SyntheticComponents;

/**
 * {@link BroadcastBuildCompatibleExtension} without its {@code @SkipIfPortableExtensionPresent}: Weld skips every
 * build-compatible extension so annotated, present or not, so this is how Weld can run its logic.
 */
public class UnskippedBuildCompatibleExtension extends BroadcastBuildCompatibleExtension {

    @Override
    @Registration(types = Object.class)
    public void checkBroadcastEvents(BeanInfo bean, Messages messages) {
        super.checkBroadcastEvents(bean, messages);
    }

    @Override
    @Synthesis
    public void addReadinessCheck(SyntheticComponents components) {
        super.addReadinessCheck(components);
    }
}
