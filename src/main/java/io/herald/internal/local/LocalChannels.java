package io.herald.internal.local;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * This instance's channels, each changed under a lock of its own (the map's {@code compute}); a channel nothing
 * refers to after a change is forgotten.
 *
 * <pre>{@code
 * boolean added = channels.change("orders", channel -> channel.subscribe(socket));
 * }</pre>
 */
final class LocalChannels {
    private final Map<String, LocalChannel> channels = new ConcurrentHashMap<>();

    /** Applies {@code change} to the channel under its lock, creating it if needed. */
    <T> T change(String name, Function<LocalChannel, T> change) {
        Outcome<T> outcome = new Outcome<>();
        channels.compute(name, (key, existing) -> apply(existing != null ? existing : new LocalChannel(key), change,
                outcome));
        return outcome.value;
    }

    /** Applies {@code change} to the channel under its lock if this instance holds it. */
    <T> Optional<T> changeIfPresent(String name, Function<LocalChannel, T> change) {
        Outcome<T> outcome = new Outcome<>();
        channels.computeIfPresent(name, (key, existing) -> apply(existing, change, outcome));
        return outcome.applied ? Optional.ofNullable(outcome.value) : Optional.empty();
    }

    /** The channel's subscribers here, read without its lock (deliveries). */
    Set<LocalSocket> subscribers(String name) {
        LocalChannel channel = channels.get(name);
        return channel == null ? Set.of() : channel.subscribers();
    }

    List<String> names() {
        return List.copyOf(channels.keySet());
    }

    private static <T> LocalChannel apply(LocalChannel channel, Function<LocalChannel, T> change, Outcome<T> outcome) {
        outcome.value = change.apply(channel);
        outcome.applied = true;
        return channel.isUnused() ? null : channel;
    }

    // What a change computed under the map's lock, handed out of it.
    private static final class Outcome<T> {
        T value;
        boolean applied;
    }
}
