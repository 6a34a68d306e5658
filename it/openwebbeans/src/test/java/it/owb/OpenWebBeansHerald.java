package it.owb;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SmallRyeConfigProviderResolver;
import jakarta.enterprise.inject.se.SeContainer;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.util.HashMap;
import java.util.Map;
import org.apache.webbeans.config.WebBeansFinder;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;

/**
 * Herald in an Apache OpenWebBeans SE container, with the settings a test gives: what an application on a runtime
 * built on OpenWebBeans (TomEE, Meecrowave) gets, with no Weld anywhere on the class path.
 *
 * <pre>{@code
 * try (SeContainer container = OpenWebBeansHerald.start("broadcast.default=memory", "broadcast.memory.driver=memory")) {
 *     container.select(Broadcaster.class).get().channel("news", "Headline", "{}");
 * }
 * }</pre>
 */
final class OpenWebBeansHerald {

    private OpenWebBeansHerald() {
    }

    /** Starts the container with these {@code key=value} settings as the application's MicroProfile Config. */
    static SeContainer start(String... settings) {
        return start(new Class<?>[0], settings);
    }

    /** Starts it with {@code beans} too: classes without a bean-defining annotation, so that no other test has them. */
    static SeContainer start(Class<?>[] beans, String... settings) {
        Map<String, String> config = new HashMap<>();
        for (String setting : settings) {
            config.put(setting.substring(0, setting.indexOf('=')), setting.substring(setting.indexOf('=') + 1));
        }
        ClassLoader loader = Thread.currentThread().getContextClassLoader();
        SmallRyeConfigProviderResolver resolver = (SmallRyeConfigProviderResolver) ConfigProviderResolver.instance();
        resolver.releaseConfig(loader);   // the previous test's
        resolver.registerConfig(new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(config, "test", 500)).build(), loader);
        try {
            return SeContainerInitializer.newInstance().addBeanClasses(beans).initialize();
        } catch (RuntimeException failedDeployment) {
            // OpenWebBeans keeps a container that failed to start registered for the class loader, and would refuse
            // the next test's: forget it, as a server does with an application that failed to deploy.
            WebBeansFinder.clearInstances(loader);
            throw failedDeployment;
        }
    }

    /** A {@code memory} connection, the default one: what the test kit records. */
    static SeContainer withMemoryDriver(String... more) {
        String[] settings = new String[more.length + 2];
        settings[0] = "broadcast.default=memory";
        settings[1] = "broadcast.memory.driver=memory";
        System.arraycopy(more, 0, settings, 2, more.length);
        return start(settings);
    }
}
