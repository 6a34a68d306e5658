package io.herald.internal.hooks;

import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.ChannelVacated;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;

/**
 * Pusher's grace period for leaves: {@code channel_vacated} and {@code member_removed} are held for a while, and
 * when the channel is occupied again (the member comes back) within it, both the leave and the return are dropped, so
 * a page reload sends no leave/return pair. Webhooks have it ({@code webhooks.grace-ms}), and the CDI channel events
 * when asked ({@code channel-events.grace-ms}). Not thread-safe: the webhook sender's, or the observers', one thread
 * calls it, passing the time in.
 *
 * <pre>{@code
 * GracePeriod grace = new GracePeriod(Duration.ofSeconds(3));
 * grace.accept(vacated, now);             // [] (held)
 * grace.accept(occupied, now + 1 s);      // [] (both dropped: back in time)
 * grace.due(now + 5 s);                   // []
 * }</pre>
 */
final class GracePeriod {
    private final long graceNanos;
    private final Map<String, Held> held = new LinkedHashMap<>();

    private record Held(ChannelEvent event, long dueNanos) {
    }

    /** @param grace how long a leave is held; zero sends everything at once */
    GracePeriod(Duration grace) {
        this.graceNanos = grace.toNanos();
    }

    /** What to send now because of {@code event}: itself, nothing (held, or a return that cancels a leave). */
    List<ChannelEvent> accept(ChannelEvent event, long nowNanos) {
        if (graceNanos == 0) {
            return List.of(event);
        }
        if (event instanceof ChannelVacated || event instanceof MemberRemoved) {
            String key = key(event);
            held.remove(key); // re-inserted last, so that the map stays in the order the leaves are due
            held.put(key, new Held(event, nowNanos + graceNanos));
            return List.of();
        }
        if (event instanceof ChannelOccupied || event instanceof MemberAdded) {
            if (held.remove(key(event)) != null) {
                return List.of();
            }
        }
        return List.of(event);
    }

    /** The held leaves whose grace has passed, oldest first; they are forgotten. */
    List<ChannelEvent> due(long nowNanos) {
        List<ChannelEvent> due = new ArrayList<>();
        for (Iterator<Held> it = held.values().iterator(); it.hasNext(); ) {
            Held next = it.next();
            if (next.dueNanos() - nowNanos > 0) {
                break;
            }
            due.add(next.event());
            it.remove();
        }
        return due;
    }

    /** Every held leave, oldest first, whether due or not (when stopping); they are forgotten. */
    List<ChannelEvent> drain() {
        List<ChannelEvent> all = held.values().stream().map(Held::event).toList();
        held.clear();
        return all;
    }

    /** When the next held leave is due, if one is held. */
    OptionalLong nextDue() {
        return held.values().stream().mapToLong(Held::dueNanos).findFirst();
    }

    // A leave and the return that cancels it share a key: the channel, and the member for presence.
    private static String key(ChannelEvent event) {
        if (event instanceof MemberRemoved removed) {
            return "m\u0000" + removed.channel() + "\u0000" + removed.userId();
        }
        if (event instanceof MemberAdded added) {
            return "m\u0000" + added.channel() + "\u0000" + added.userId();
        }
        return "c\u0000" + event.channel();
    }
}
