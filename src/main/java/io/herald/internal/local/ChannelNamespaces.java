package io.herald.internal.local;

import io.herald.internal.protocol.ChannelPattern;
import io.herald.spi.ConnectionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Options by channel pattern (Centrifugo's namespaces, with the patterns {@code ChannelAuthorizer}s use): a channel
 * that matches a namespace's {@code pattern} takes the options the namespace sets, and the connection's for the rest;
 * so does a channel no namespace matches. No channel matches two namespaces, and a namespace has no option but those
 * below: both are checked at startup.
 *
 * <pre>{@code
 * broadcast.local.namespace.chat.pattern=presence-chat.{room}
 * broadcast.local.namespace.chat.client-events=true
 * broadcast.local.namespace.chat.max-presence-members=500
 * broadcast.local.namespace.tickers.pattern=cache-ticker.{symbol}
 * broadcast.local.namespace.tickers.cache-ttl-seconds=10
 * }</pre>
 */
final class ChannelNamespaces {
    static final String PREFIX = "namespace.";
    static final List<String> OPTIONS = List.of("pattern", "client-events", "max-presence-members", "cache-ttl-seconds",
            "max-subscribers");
    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]+");
    static final int MAX_CACHE_SECONDS = 86_400;

    private record Namespace(String name, ChannelPattern pattern, ChannelOptions options) {
    }

    private final List<Namespace> namespaces;
    private final ChannelOptions defaults;

    private ChannelNamespaces(List<Namespace> namespaces, ChannelOptions defaults) {
        this.namespaces = List.copyOf(namespaces);
        this.defaults = defaults;
    }

    /** Every channel has the connection's options. */
    static ChannelNamespaces none(ChannelOptions defaults) {
        return new ChannelNamespaces(List.of(), defaults);
    }

    /** The options of {@code channel}. */
    ChannelOptions of(String channel) {
        for (Namespace namespace : namespaces) {
            if (namespace.pattern().regex().matcher(channel).matches()) {
                return namespace.options();
            }
        }
        return defaults;
    }

    /** The connection's options, which channels outside every namespace have. */
    ChannelOptions defaults() {
        return defaults;
    }

    /** The namespaces of {@code broadcast.<c>.namespace.<name>.*}; unset options are {@code defaults}'. */
    static ChannelNamespaces from(ConnectionConfig config, ChannelOptions defaults) {
        Set<String> names = new LinkedHashSet<>();
        for (String key : config.keys(PREFIX)) {
            String rest = key.substring(PREFIX.length());
            int dot = rest.indexOf('.');
            String name = dot < 0 ? rest : rest.substring(0, dot);
            if (!NAME.matcher(name).matches()) {
                config.invalid(key, "named namespace.<name>.<option>, the name letters, digits, _ and -");
            } else if (dot < 0 || !OPTIONS.contains(rest.substring(dot + 1))) {
                config.invalid(key, "one of a namespace's options: " + String.join(", ", OPTIONS));
            } else {
                names.add(name);
            }
        }
        List<Namespace> namespaces = new ArrayList<>();
        for (String name : names) {
            read(config, name, defaults).ifPresent(namespace -> {
                for (Namespace earlier : namespaces) {
                    Optional<String> shared = earlier.pattern().overlap(namespace.pattern());
                    if (shared.isPresent()) {
                        config.invalid(key(name, "pattern"), "a pattern that shares no channel with namespace '"
                                + earlier.name() + "' ('" + earlier.pattern().source() + "'): both match '"
                                + shared.get() + "'");
                        break;
                    }
                }
                namespaces.add(namespace);
            });
        }
        return new ChannelNamespaces(namespaces, defaults);
    }

    private static Optional<Namespace> read(ConnectionConfig config, String name, ChannelOptions defaults) {
        String source = config.require(key(name, "pattern"));
        Optional<String> problem = ChannelPattern.problem(source);
        problem.ifPresent(why -> config.invalid(key(name, "pattern"), "a channel pattern such as presence-chat.{room}"
                + " (it " + why + ")"));
        ChannelOptions options = new ChannelOptions(
                config.getBoolean(key(name, "client-events"), defaults.clientEvents()),
                config.getInt(key(name, "max-presence-members"), defaults.maxPresenceMembers(), 1, 100_000),
                Duration.ofSeconds(config.getInt(key(name, "cache-ttl-seconds"),
                        Math.toIntExact(defaults.cacheLifetime().toSeconds()), 1, MAX_CACHE_SECONDS)),
                config.getInt(key(name, "max-subscribers"), defaults.maxSubscribers(), 0, 10_000_000));
        return source.isEmpty() || problem.isPresent() ? Optional.empty()
                : Optional.of(new Namespace(name, ChannelPattern.compile(source), options));
    }

    private static String key(String name, String option) {
        return PREFIX + name + "." + option;
    }
}
