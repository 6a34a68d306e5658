package io.herald.internal.extension;

import io.herald.CanBroadcast;
import io.herald.internal.HeraldMessages;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The rule both extensions apply, each through its own type model: an {@code @Broadcast Event<T>} injection
 * point needs a {@code T} that implements {@link CanBroadcast} ({@code Event<Object>} is let through and checked
 * when it fires).
 */
final class BroadcastEventRule {
    static final String EVENT = "jakarta.enterprise.event.Event";
    static final String BROADCAST = "io.herald.Broadcast";

    private BroadcastEventRule() {
    }

    /**
     * The deployment problem of an {@code @Broadcast Event<T>} injection point, if any.
     *
     * @param injectionPoint where it is, for the message
     * @param eventType {@code T}
     * @param name a type's class name
     * @param supertypes a type's direct superclass and interfaces
     */
    static <T> Optional<String> check(String injectionPoint, T eventType, Function<T, String> name,
            Function<T, Collection<T>> supertypes) {
        String typeName = name.apply(eventType);
        if (typeName.equals(Object.class.getName()) || closure(eventType, name, supertypes).contains(CanBroadcast.class.getName())) {
            return Optional.empty();
        }
        return Optional.of(HeraldMessages.notCanBroadcast(injectionPoint, typeName));
    }

    private static <T> Set<String> closure(T type, Function<T, String> name, Function<T, Collection<T>> supertypes) {
        Set<String> seen = new HashSet<>();
        Deque<T> pending = new ArrayDeque<>();
        pending.add(type);
        while (!pending.isEmpty()) {
            T next = pending.poll();
            if (seen.add(name.apply(next))) {
                pending.addAll(supertypes.apply(next));
            }
        }
        return seen;
    }
}
