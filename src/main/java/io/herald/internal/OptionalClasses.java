package io.herald.internal;

import java.util.Optional;

/**
 * Whether a library Herald can use but does not require is on the application's class path, asked without
 * initialising anything: Micrometer, OpenTelemetry, MicroProfile Health, JSON-B, Jackson, JTA, Lettuce, Quarkus.
 *
 * <pre>{@code
 * if (OptionalClasses.present("io.lettuce.core.RedisClient")) { ... }
 * OptionalClasses.find("io.quarkus.runtime.LaunchMode").map(...);
 * }</pre>
 */
public final class OptionalClasses {

    private OptionalClasses() {
    }

    /** Whether {@code className} can be loaded by Herald's class loader. */
    public static boolean present(String className) {
        return find(className).isPresent();
    }

    /** The class {@code className}, loaded but not initialised, or empty when it is not there. */
    public static Optional<Class<?>> find(String className) {
        try {
            return Optional.of(Class.forName(className, false, OptionalClasses.class.getClassLoader()));
        } catch (ClassNotFoundException | LinkageError absent) {
            return Optional.empty();
        }
    }
}
