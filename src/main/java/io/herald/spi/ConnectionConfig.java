package io.herald.spi;

import java.util.Optional;

/**
 * The settings of one named connection, {@code broadcast.<connection>.<key>}, read from MicroProfile Config.
 *
 * <pre>{@code
 * String appId = config.require("app-id");              // fails naming broadcast.pusher.app-id
 * int timeout = config.getInt("timeout-ms", 4000);
 * }</pre>
 */
public interface ConnectionConfig {

    /** The connection's name: {@code pusher} for {@code broadcast.pusher.*}. */
    String connection();

    /** The full property name of {@code key}: {@code broadcast.pusher.app-id}. */
    default String property(String key) {
        return "broadcast." + connection() + "." + key;
    }

    /** The trimmed value of {@code key}, empty when missing or blank. */
    Optional<String> get(String key);

    /**
     * The value of {@code key}.
     *
     * @throws IllegalStateException naming the full property when it is missing or blank
     */
    String require(String key);

    /**
     * An integer setting.
     *
     * @throws IllegalStateException naming the property when it is not a whole number
     */
    int getInt(String key, int defaultValue);

    /**
     * A boolean setting ({@code true} or {@code false}).
     *
     * @throws IllegalStateException naming the property for any other value
     */
    boolean getBoolean(String key, boolean defaultValue);
}
