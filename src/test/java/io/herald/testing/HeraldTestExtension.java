package io.herald.testing;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;

/**
 * Starts a {@link PusherRestStandIn} per test class and, before each test (and so before Weld starts), registers a
 * MicroProfile Config whose default connection {@code pusher} points at it, plus the test's {@link Config} entries.
 */
public final class HeraldTestExtension implements TestInstancePostProcessor, BeforeEachCallback, AfterEachCallback,
        AfterAllCallback {
    private static final Namespace NAMESPACE = Namespace.create(HeraldTestExtension.class);

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) throws Exception {
        PusherRestStandIn standIn = standIn(context);
        for (Class<?> type = testInstance.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == PusherRestStandIn.class) {
                    field.setAccessible(true);
                    field.set(testInstance, standIn);
                }
            }
        }
    }

    @Override
    public void beforeEach(ExtensionContext context) throws Exception {
        PusherRestStandIn standIn = standIn(context);
        standIn.reset();
        Map<String, String> entries = new LinkedHashMap<>(standIn.settingsFor("pusher"));
        entries.put("broadcast.pusher.timeout-ms", "2000");
        addEntries(context.getRequiredTestClass(), entries);
        addEntries(context.getRequiredTestMethod(), entries);
        entries.values().removeIf(String::isEmpty);
        useConfig(entries);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(classLoader()));
    }

    @Override
    public void afterAll(ExtensionContext context) {
        PusherRestStandIn standIn = context.getStore(NAMESPACE).remove(PusherRestStandIn.class, PusherRestStandIn.class);
        if (standIn != null) {
            standIn.close();
        }
    }

    /** Registers a config of exactly these entries for the current class loader. */
    public static void useConfig(Map<String, String> entries) {
        useConfig(new SmallRyeConfigBuilder()
                .addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(entries, "herald-test", 500))
                .build());
    }

    /** Registers this config for the current class loader. */
    public static void useConfig(SmallRyeConfig config) {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        try {
            resolver.releaseConfig(resolver.getConfig(classLoader()));
        } catch (RuntimeException nothingRegistered) {
            // first use
        }
        resolver.registerConfig(config, classLoader());
    }

    private static void addEntries(AnnotatedElement element, Map<String, String> entries) {
        Config config = element.getAnnotation(Config.class);
        if (config != null) {
            for (String entry : config.value()) {
                int equals = entry.indexOf('=');
                entries.put(entry.substring(0, equals).trim(), entry.substring(equals + 1).trim());
            }
        }
    }

    private static PusherRestStandIn standIn(ExtensionContext context) {
        ExtensionContext classContext = context.getRoot() == context ? context : classContext(context);
        return classContext.getStore(NAMESPACE).getOrComputeIfAbsent(PusherRestStandIn.class, type -> {
            try {
                return new PusherRestStandIn();
            } catch (java.io.IOException e) {
                throw new IllegalStateException(e);
            }
        }, PusherRestStandIn.class);
    }

    private static ExtensionContext classContext(ExtensionContext context) {
        ExtensionContext current = context;
        while (current.getTestMethod().isPresent()) {
            current = current.getParent().orElseThrow();
        }
        return current;
    }

    private static ClassLoader classLoader() {
        return Thread.currentThread().getContextClassLoader();
    }
}
