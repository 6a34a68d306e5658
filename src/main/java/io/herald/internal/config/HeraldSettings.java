package io.herald.internal.config;

import io.herald.internal.HeraldMessages;
import io.herald.spi.ConnectionConfig;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * Herald's settings under {@code broadcast.}: the library's own keys, and one {@link ConnectionConfig} per
 * connection. The first segments listed in {@link #RESERVED} belong to Herald and cannot name a connection.
 *
 * <pre>{@code
 * HeraldSettings settings = HeraldSettings.fromMicroProfileConfig();
 * settings.defaultConnection();                      // broadcast.default, "pusher" if unset
 * settings.connection("pusher").require("app-id");   // broadcast.pusher.app-id, or HERALD-0001
 * }</pre>
 */
public final class HeraldSettings {

    /**
     * First segments under {@code broadcast.} that are Herald's own settings, not connections: today's, and those
     * kept for what is coming (JSON, webhooks, clustering, the outbox, observability), so that no application takes
     * them as connection names first.
     */
    public static final Set<String> RESERVED = Set.of("default", "auth", "private-channels", "json", "webhooks",
            "redis", "cluster", "outbox", "metrics", "tracing", "health", "testing");

    private static final Pattern DRIVER_PROPERTY = Pattern.compile("broadcast\\.([^.]+)\\.driver");
    // How MicroProfile Config spells broadcast.<name>.driver as an environment variable: BROADCAST_<NAME>_DRIVER.
    private static final Pattern DRIVER_VARIABLE = Pattern.compile("BROADCAST_([A-Z0-9_]+)_DRIVER");

    private final Config config;

    private HeraldSettings(Config config) {
        this.config = config;
    }

    /** The settings of the application's MicroProfile Config. */
    public static HeraldSettings fromMicroProfileConfig() {
        return new HeraldSettings(ConfigProvider.getConfig());
    }

    /** {@code broadcast.default}: the connection used unless another is named; {@code pusher} if unset. */
    public String defaultConnection() {
        return value("broadcast.default", "pusher");
    }

    /** The webhook endpoint's path and the oldest webhook it accepts. */
    public WebhookReceiverSettings webhooks() {
        return WebhookReceiverSettings.from(this);
    }

    /** {@code broadcast.console.*}. */
    public ConsoleSettings console() {
        return ConsoleSettings.from(this);
    }

    /** {@code broadcast.auth.*}. */
    public AuthSettings auth() {
        return AuthSettings.from(this);
    }

    /**
     * {@code broadcast.private-channels.require-user}: events on private and presence channels are sent only while a
     * user is signed in; on unless set to false.
     */
    public boolean privateChannelsRequireUser() {
        return flag("broadcast.private-channels.require-user", true);
    }

    /** A boolean setting; anything but true or false fails naming the property. */
    public boolean flag(String property, boolean defaultValue) {
        return MicroProfileConnectionConfig.parseBoolean(property, value(property, String.valueOf(defaultValue)));
    }

    /**
     * The connections configured: the default one and every {@code broadcast.<name>.driver} any config source lists,
     * environment variables ({@code BROADCAST_<NAME>_DRIVER}) included.
     */
    public Set<String> configuredConnections() {
        Set<String> names = new TreeSet<>();
        for (String property : config.getPropertyNames()) {
            Matcher driver = DRIVER_PROPERTY.matcher(property);
            if (driver.matches()) {
                names.add(driver.group(1));
            }
            Matcher variable = DRIVER_VARIABLE.matcher(property);
            if (variable.matches()) {
                connectionOfVariable(variable.group(1)).ifPresent(names::add);
            }
        }
        names.removeAll(RESERVED);
        names.add(defaultConnection());
        return names;
    }

    // An environment variable loses the connection name's case and its dashes: the name is the spelling under which
    // MicroProfile Config finds that variable again (my-conn before my_conn), lower case as connection names are.
    private Optional<String> connectionOfVariable(String variablePart) {
        String lower = variablePart.toLowerCase(Locale.ROOT);
        return Stream.of(lower.replace('_', '-'), lower)
                .filter(name -> config.getOptionalValue("broadcast." + name + ".driver", String.class).isPresent())
                .findFirst();
    }

    /** Whether any {@code broadcast.*} setting exists at all. */
    public boolean anyBroadcastSetting() {
        for (String property : config.getPropertyNames()) {
            if (property.startsWith("broadcast.")) {
                return true;
            }
        }
        return false;
    }

    /** Whether any configured connection uses {@code driver}. */
    public boolean usesDriver(String driver) {
        return configuredConnections().stream()
                .anyMatch(name -> connection(name).get("driver").filter(driver::equals).isPresent());
    }

    /** The settings of connection {@code name}. */
    public ConnectionConfig connection(String name) {
        if (RESERVED.contains(name)) {
            throw HeraldMessages.reservedConnectionName(name);
        }
        return new MicroProfileConnectionConfig(config, name);
    }

    /**
     * The settings of connection {@code name} read for a check: a bad or missing value is noted in {@code problems}
     * instead of thrown.
     */
    public ConnectionConfig checkedConnection(String name, SettingsProblems problems) {
        if (RESERVED.contains(name)) {
            throw HeraldMessages.reservedConnectionName(name);
        }
        return new MicroProfileConnectionConfig(config, name, problems);
    }

    /**
     * {@code broadcast.json}: how payloads become JSON, {@code auto} (the default), {@code jsonb}, {@code jackson} or
     * {@code builtin}.
     */
    public String json() {
        String json = value("broadcast.json", "auto");
        if (!List.of("auto", "jsonb", "jackson", "builtin").contains(json)) {
            throw HeraldMessages.invalidProperty("broadcast.json",
                    "jsonb, jackson, builtin or auto, not '" + json + "'");
        }
        return json;
    }

    /** Reads Herald's own settings that belong to no connection, noting what is wrong in {@code problems}. */
    public void checkOwnSettings(SettingsProblems problems) {
        for (Runnable read : List.<Runnable>of(this::auth, this::webhooks, this::privateChannelsRequireUser,
                this::json, this::entityChannelPrefix, this::notificationsToSignedInUser, this::console)) {
            try {
                read.run();
            } catch (IllegalStateException e) {
                problems.add(e);
            }
        }
    }

    /**
     * {@code broadcast.entities.channel-prefix}: what goes in front of the channel names Herald derives for entities
     * and notification recipients ({@code Order.42}); none by default, {@code App.Models.} for a front end written for
     * Laravel.
     */
    public String entityChannelPrefix() {
        String prefix = value("broadcast.entities.channel-prefix", "");
        if (!prefix.isEmpty() && !io.herald.Channel.isValidName(prefix)) {
            throw HeraldMessages.invalidProperty("broadcast.entities.channel-prefix",
                    "made of the characters of a channel name (A-Z a-z 0-9 _ - = @ , . ;), not '" + prefix + "'");
        }
        return prefix;
    }

    /**
     * {@code broadcast.notifications.via}: {@code private-channel} (default: the recipient's private channel, as
     * Laravel Echo listens) or {@code user} (the recipient's signed-in connections, {@code #server-to-user-<id>}).
     *
     * @return whether notifications go to the signed-in user rather than a private channel
     */
    public boolean notificationsToSignedInUser() {
        String via = value("broadcast.notifications.via", "private-channel");
        if (!List.of("private-channel", "user").contains(via)) {
            throw HeraldMessages.invalidProperty("broadcast.notifications.via",
                    "private-channel or user, not '" + via + "'");
        }
        return via.equals("user");
    }

    /** A whole-number setting from {@code min} to {@code max}; anything else fails naming the property. */
    public int number(String property, int defaultValue, int min, int max) {
        String value = value(property, String.valueOf(defaultValue));
        try {
            int number = Integer.parseInt(value);
            if (number >= min && number <= max) {
                return number;
            }
        } catch (NumberFormatException notANumber) {
            // refused below, as one out of range is
        }
        throw HeraldMessages.invalidProperty(property, "a whole number from " + min + " to " + max + ", not '"
                + value + "'");
    }

    /** A trimmed setting, or {@code defaultValue} when missing or blank. */
    public String value(String property, String defaultValue) {
        return config.getOptionalValue(property, String.class).map(String::trim).filter(v -> !v.isEmpty())
                .orElse(defaultValue);
    }
}
