package io.herald.internal.delivery;

import io.herald.internal.HeraldMessages;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.config.SettingsProblems;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The drivers the application has ({@link BroadcastDriverFactory} beans, by name), and the rules for finding a
 * connection's: the startup check notes every problem, opening a connection throws the first.
 *
 * <pre>{@code
 * BroadcastDriverFactory pusher = drivers.require("pusher", config);
 * }</pre>
 */
final class DriverFactories {
    private final Iterable<BroadcastDriverFactory> factories;
    private final HeraldSettings settings;

    DriverFactories(Iterable<BroadcastDriverFactory> factories, HeraldSettings settings) {
        this.factories = factories;
        this.settings = settings;
    }

    /**
     * The factory of connection {@code name}'s driver, its required settings checked.
     *
     * @throws IllegalStateException naming what is missing or unknown
     */
    BroadcastDriverFactory require(String name, ConnectionConfig config) {
        refuseUnconfigured(name, config);
        String driverName = config.require("driver");
        BroadcastDriverFactory factory = byName(driverName)
                .orElseThrow(() -> HeraldMessages.unknownDriver(config.property("driver"), driverName, known()));
        requireSettings(config, factory.requiredSettings());
        return factory;
    }

    /** The factory of connection {@code name}'s driver; what is wrong with its settings is noted in {@code problems}. */
    Optional<BroadcastDriverFactory> check(String name, ConnectionConfig config, SettingsProblems problems) {
        refuseUnconfigured(name, config);
        String driverName = config.requireAny("driver");
        if (driverName.isEmpty()) {
            return Optional.empty();
        }
        Optional<BroadcastDriverFactory> found = byName(driverName);
        if (found.isEmpty()) {
            problems.add(HeraldMessages.unknownDriver(config.property("driver"), driverName, known()));
        }
        found.ifPresent(factory -> factory.requiredSettings()
                .forEach(required -> config.requireAny(required.split("\\|"))));
        return found;
    }

    // The default connection with no broadcast setting at all: Herald is on the class path but not configured.
    private void refuseUnconfigured(String name, ConnectionConfig config) {
        if (config.get("driver").isEmpty() && name.equals(settings.defaultConnection())
                && !settings.anyBroadcastSetting()) {
            throw HeraldMessages.nothingConfigured(name);
        }
    }

    private Optional<BroadcastDriverFactory> byName(String driverName) {
        for (BroadcastDriverFactory factory : factories) {
            if (factory.name().equals(driverName)) {
                return Optional.of(factory);
            }
        }
        return Optional.empty();
    }

    // Every missing setting in one message, so that a deployment is not failed once for each.
    private static void requireSettings(ConnectionConfig config, List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String setting : required) {
            List<String> alternatives = List.of(setting.split("\\|"));
            if (alternatives.stream().allMatch(key -> config.get(key).isEmpty())) {
                missing.add(String.join("|", alternatives.stream().map(config::property).toList()));
            }
        }
        if (!missing.isEmpty()) {
            throw HeraldMessages.missingProperties(missing);
        }
    }

    private TreeSet<String> known() {
        TreeSet<String> known = new TreeSet<>();
        factories.forEach(factory -> known.add(factory.name()));
        return known;
    }
}
