package io.herald.internal.config;

import io.herald.internal.HeraldMessages;
import io.herald.spi.ConnectionConfig;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.Config;

/** {@link ConnectionConfig} over MicroProfile Config; blank values count as missing. */
public final class MicroProfileConnectionConfig implements ConnectionConfig {
    private final Config config;
    private final String connection;

    public MicroProfileConnectionConfig(Config config, String connection) {
        this.config = config;
        this.connection = connection;
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
    public String require(String key) {
        return get(key).orElseThrow(() -> HeraldMessages.missingProperties(List.of(property(key))));
    }

    @Override
    public int getInt(String key, int defaultValue) {
        Optional<String> value = get(key);
        if (value.isEmpty()) {
            return defaultValue;
        }
        try {
            return Integer.parseInt(value.get());
        } catch (NumberFormatException e) {
            throw HeraldMessages.invalidProperty(property(key), "a whole number, not '" + value.get() + "'");
        }
    }

    @Override
    public boolean getBoolean(String key, boolean defaultValue) {
        return get(key).map(value -> parseBoolean(property(key), value)).orElse(defaultValue);
    }

    static boolean parseBoolean(String property, String value) {
        return switch (value.toLowerCase()) {
            case "true" -> true;
            case "false" -> false;
            default -> throw HeraldMessages.invalidProperty(property, "true or false, not '" + value + "'");
        };
    }
}
