package io.herald.testing;

import io.herald.internal.hooks.ChannelEventPublishers;
import io.herald.internal.auth.ChannelAuthorization;
import io.herald.internal.delivery.ConfiguredConnections;
import io.herald.internal.json.PayloadSerializers;
import io.herald.internal.request.RequestSocket;
import io.herald.testkit.RecordedBroadcasts;
import io.herald.internal.drivers.LogDriverFactory;
import io.herald.internal.extension.BroadcastExtension;
import io.herald.internal.pusher.PusherDriverFactory;
import java.util.Map;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/** Starts Herald in a Weld SE container by hand, for tests about what happens at startup. */
public final class HeraldContainer {

    private HeraldContainer() {
    }

    /** The CDI extension a container runs Herald with. */
    public enum Flavour {
        /** CDI Full: the portable extension, as in WildFly and Payara. */
        PORTABLE,
        /** CDI Lite: the build-compatible extension, as in Quarkus (run here through Weld's translator). */
        BUILD_COMPATIBLE
    }

    /** Starts a container with exactly this configuration and these extra bean classes. */
    public static WeldContainer start(Map<String, String> config, Class<?>... beanClasses) {
        return start(Flavour.PORTABLE, config, beanClasses);
    }

    /** Starts a container with one of Herald's two extensions. */
    public static WeldContainer start(Flavour flavour, Map<String, String> config, Class<?>... beanClasses) {
        HeraldTestExtension.useConfig(config);
        return startWithRegisteredConfig(flavour, beanClasses);
    }

    /** Starts a container with an application's own portable extension too. */
    public static WeldContainer start(Map<String, String> config, jakarta.enterprise.inject.spi.Extension extension,
            Class<?>... beanClasses) {
        HeraldTestExtension.useConfig(config);
        return weld(Flavour.PORTABLE, beanClasses).addExtension(extension).initialize();
    }

    /** Starts a container on the config already registered with {@link HeraldTestExtension#useConfig}. */
    public static WeldContainer startWithRegisteredConfig(Flavour flavour, Class<?>... beanClasses) {
        return weld(flavour, beanClasses).initialize();
    }

    private static Weld weld(Flavour flavour, Class<?>... beanClasses) {
        Weld weld = new Weld()
                .disableDiscovery()
                .addPackages(ConfiguredConnections.class, PusherDriverFactory.class, LogDriverFactory.class, ChannelAuthorization.class,
                        PayloadSerializers.class, RequestSocket.class, RecordedBroadcasts.class, ChannelEventPublishers.class)
                .addBeanClasses(beanClasses);
        if (flavour == Flavour.PORTABLE) {
            weld.addExtension(new BroadcastExtension());
        } else {
            weld.addBuildCompatibleExtensions(UnskippedBuildCompatibleExtension.class);
        }
        return weld;
    }
}
