package io.herald.internal.config;

import java.util.Optional;

/**
 * {@code broadcast.console.*}: whether Herald's console is served, where, to whom, and how much it keeps.
 *
 * <pre>{@code
 * ConsoleSettings console = HeraldSettings.fromMicroProfileConfig().console();
 * console.enabled();        // false unless broadcast.console.enabled=true
 * console.path();           // broadcasting/console, under the JAX-RS application path
 * }</pre>
 *
 * @param enabled {@code broadcast.console.enabled}: off unless set
 * @param path {@code broadcast.console.path}, relative to the JAX-RS application path
 * @param role {@code broadcast.console.role}: the role a user needs (the container's own security decides)
 * @param anonymousLoopback {@code broadcast.console.allow-anonymous-loopback}: whether a request with no user, made
 *     from this machine and through no proxy, is let in (development, the demo)
 * @param logSize {@code broadcast.console.log-size}: the entries the live log keeps in memory
 * @param maxEntriesPerSecond {@code broadcast.console.max-entries-per-second}: above it, entries are sampled
 * @param connection {@code broadcast.console.connection}: the {@code local} connection that carries the live feed;
 *     empty for the default connection when it is a {@code local} one, else the first {@code local} one
 */
public record ConsoleSettings(boolean enabled, String path, String role, boolean anonymousLoopback, int logSize,
        int maxEntriesPerSecond, Optional<String> connection) {

    /** Where the console is unless configured. */
    public static final String DEFAULT_PATH = "broadcasting/console";

    static ConsoleSettings from(HeraldSettings settings) {
        return new ConsoleSettings(
                settings.flag("broadcast.console.enabled", false),
                AuthSettings.trimSlashes(settings.value("broadcast.console.path", DEFAULT_PATH)),
                settings.value("broadcast.console.role", "admin"),
                settings.flag("broadcast.console.allow-anonymous-loopback", false),
                settings.number("broadcast.console.log-size", 500, 10, 100_000),
                settings.number("broadcast.console.max-entries-per-second", 100, 1, 100_000),
                Optional.of(settings.value("broadcast.console.connection", "")).filter(name -> !name.isEmpty()));
    }
}
