package io.herald.internal.config;

import io.herald.internal.HeraldMessages;
import io.herald.spi.ConnectionConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.eclipse.microprofile.config.Config;

/**
 * {@link ConnectionConfig} over MicroProfile Config; blank values count as missing. Read strictly, a bad or missing
 * value throws at once; read for a check ({@link HeraldSettings#checkedConnection}), it is noted in the deployment's
 * {@link SettingsProblems} and read as the default (a missing required one as empty), so that reading goes on and
 * every problem is found.
 */
final class MicroProfileConnectionConfig implements ConnectionConfig {
    private final Config config;
    private final String connection;
    private final SettingsProblems problems;

    public MicroProfileConnectionConfig(Config config, String connection) {
        this(config, connection, null);
    }

    MicroProfileConnectionConfig(Config config, String connection, SettingsProblems problems) {
        this.config = config;
        this.connection = connection;
        this.problems = problems;
    }

    @Override
    public String connection() {
        return connection;
    }

    @Override
    public Optional<String> get(String key) {
        return config.getOptionalValue(property(key), String.class).map(String::trim).filter(v -> !v.isEmpty());
    }

    @Override
    public Set<String> keys(String prefix) {
        String connectionPrefix = property("");
        Set<String> found = new TreeSet<>();
        for (String name : config.getPropertyNames()) {
            if (name.startsWith(connectionPrefix + prefix)) {
                found.add(name.substring(connectionPrefix.length()));
            }
        }
        return found;
    }

    @Override
    public String require(String key) {
        return requireAny(key);
    }

    @Override
    public String requireAny(String... keys) {
        Optional<String> value = getAny(keys);
        if (value.isPresent()) {
            return value.get();
        }
        String alternatives = String.join("|", List.of(keys).stream().map(this::property).toList());
        if (problems == null) {
            throw HeraldMessages.missingProperties(List.of(alternatives));
        }
        problems.missing(alternatives);
        return "";
    }

    @Override
    public int getInt(String key, int defaultValue) {
        return getInt(key, defaultValue, Integer.MIN_VALUE, Integer.MAX_VALUE);
    }

    @Override
    public int getInt(String key, int defaultValue, int min, int max) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            int number = Integer.parseInt(value.get());
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notAWholeNumber) {
            // stated below
        }
        return invalid(key, min == Integer.MIN_VALUE && max == Integer.MAX_VALUE
                ? "a whole number, not '" + value.get() + "'"
                : "a whole number from " + min + " to " + max + ", not '" + value.get() + "'",
                defaultValue);
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(value -> bool(value).orElseGet(() -> invalid(key, expectedBoolean(value), defaultValue)))
                .orElse(defaultValue);
    }

    @Override
    public String getChoice(String key, String defaultValue, String... accepted) {
        Optional<String> value = get(key);
        if (value.isEmpty() || List.of(accepted).contains(value.get())) {
            return value.orElse(defaultValue);
        }
        return invalid(key, String.join(" or ", accepted) + ", not '" + value.get() + "'", defaultValue);
    }

    @Override
    public void invalid(String key, String expected) {
        invalid(key, expected, null);
    }

    private <T> T invalid(String key, String expected, T readInstead) {
        IllegalStateException problem = HeraldMessages.invalidProperty(property(key), expected);
        if (problems == null) {
            throw problem;
        }
        problems.add(problem);
        return readInstead;
    }

    static boolean parseBoolean(String property, String value) {
        return bool(value).orElseThrow(() -> HeraldMessages.invalidProperty(property, expectedBoolean(value)));
    }

    private static Optional<Boolean> bool(String value) {
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> Optional.of(true);
            case "false" -> Optional.of(false);
            default -> Optional.empty();
        };
    }

    private static String expectedBoolean(String value) {
        return "true or false, not '" + value + "'";
    }
}
