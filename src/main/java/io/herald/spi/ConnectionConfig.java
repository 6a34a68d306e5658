package io.herald.spi;

import java.util.Optional;
import java.util.Set;

/**
 * The settings of one named connection, {@code broadcast.<connection>.<key>}, read from MicroProfile Config.
 *
 * <pre>{@code
 * String appId = config.require("app-id");              // fails naming broadcast.pusher.app-id
 * String key = config.requireAny("client", "key");      // the first that is set
 * int timeout = config.getInt("timeout-ms", 4000, 1, 600_000);
 * String mode = config.getChoice("outbox", "none", "none", "jdbc");
 * }</pre>
 *
 * <p>At startup Herald reads every connection's settings through {@link BroadcastDriverFactory#checkSettings} to
 * report all problems of a deployment together: then a bad value is noted and read as its default (a missing
 * required one as the empty string) instead of thrown, so a driver's reading must not act on the values.
 */
public interface ConnectionConfig {

    /**
     * The connection's name: {@code pusher} for {@code broadcast.pusher.*}.
     *
     * @return the name
     */
    String connection();

    /**
     * The full property name of {@code key}: {@code broadcast.pusher.app-id}.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @return the property's full name
     */
    default String property(String key) {
        return "broadcast." + connection() + "." + key;
    }

    /**
     * The trimmed value of {@code key}, empty when missing or blank.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @return the value, if set
     */
    Optional<String> get(String key);

    /**
     * The keys set under {@code prefix}, relative to the connection and sorted: for {@code broadcast.local.*},
     * {@code keys("namespace.")} gives {@code namespace.chat.pattern}, {@code namespace.chat.client-events}, ... Only
     * names a configuration source lists are found (properties files, system properties): an environment variable
     * can override the value of a listed key, but adds none.
     *
     * @param prefix the start of the keys, relative to the connection
     * @return the keys found
     */
    Set<String> keys(String prefix);

    /**
     * The value of the first of {@code keys} that is set ({@code client} before {@code key}), empty when none is.
     *
     * @param keys the alternatives, in order
     * @return the first value set, if any
     */
    default Optional<String> getAny(String... keys) {
        for (String key : keys) {
            Optional<String> value = get(key);
            if (value.isPresent()) {
                return value;
            }
        }
        return Optional.empty();
    }

    /**
     * The value of {@code key}.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @return the value
     * @throws IllegalStateException naming the full property when it is missing or blank
     */
    String require(String key);

    /**
     * The value of the first of {@code keys} that is set ({@code client} before {@code key}).
     *
     * @param keys the alternatives, in order
     * @return the first value set
     * @throws IllegalStateException naming every alternative when none is set
     */
    String requireAny(String... keys);

    /**
     * An integer setting.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @param defaultValue the value when it is not set
     * @return the value
     * @throws IllegalStateException naming the property when it is not a whole number
     */
    int getInt(String key, int defaultValue);

    /**
     * An integer setting from {@code min} to {@code max}; the default is not checked.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @param defaultValue the value when it is not set
     * @param min the smallest value accepted
     * @param max the largest value accepted
     * @return the value
     * @throws IllegalStateException naming the property, its value and the range otherwise
     */
    int getInt(String key, int defaultValue, int min, int max);

    /**
     * A setting that is one of {@code accepted}.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @param defaultValue the value when it is not set
     * @param accepted the values accepted
     * @return the value
     * @throws IllegalStateException naming the property, its value and what is accepted otherwise
     */
    String getChoice(String key, String defaultValue, String... accepted);

    /**
     * Reports that the value of {@code key} is not what is accepted, a driver's own check.
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @param expected what is accepted, as in "must be {@code expected}"
     * @throws IllegalStateException naming the property (unless the settings are being checked, when it is noted)
     */
    void invalid(String key, String expected);

    /**
     * A boolean setting ({@code true} or {@code false}).
     *
     * @param key the setting, relative to the connection ({@code app-id})
     * @param defaultValue the value when it is not set
     * @return the value
     * @throws IllegalStateException naming the property for any other value
     */
    boolean getBoolean(String key, boolean defaultValue);
}
