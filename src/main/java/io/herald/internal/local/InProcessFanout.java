package io.herald.internal.local;

import io.herald.internal.cluster.CachedEvent;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.Fanout;
import io.herald.internal.cluster.MemberCounts;
import io.herald.internal.cluster.MessageSink;
import io.herald.internal.cluster.PresenceJoin;
import io.herald.internal.protocol.PusherProtocol;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The fan-out of a single instance (no {@code scaling}): the cluster of one. It counts what Redis counts for a
 * cluster (subscriptions per channel, presence members by the rule of {@link MemberCounts}), reports the changes
 * to the application in the same order ({@code occupied}, then members; members, then {@code vacated}), and hands
 * messages to the instance's {@link MessageSink} on the calling thread. Each channel's counts change under its own
 * lock, which is what orders its changes.
 */
final class InProcessFanout implements Fanout {
    private final ChannelFacts facts;
    private final Clock clock;
    private final Function<String, Duration> cacheLifetime;
    // Per counter: {second, count in it}; only the current second is kept.
    private final Map<String, long[]> rates = new ConcurrentHashMap<>();
    private final Map<String, Integer> subscriptions = new ConcurrentHashMap<>();
    private final Map<String, MemberCounts> presence = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private volatile MessageSink sink;

    /** A cache channel's last event and when it stops being sent. */
    private record Cached(CachedEvent event, Instant expires) {
    }

    /**
     * @param facts where the changes to channels are reported
     * @param cacheLifetime how long a cache channel keeps its last event
     */
    InProcessFanout(ChannelFacts facts, Clock clock, Function<String, Duration> cacheLifetime) {
        this.facts = facts;
        this.clock = clock;
        this.cacheLifetime = cacheLifetime;
    }

    @Override
    public void start(MessageSink sink) {
        this.sink = sink;
    }

    @Override
    public void publish(ClusterMessage.Published event) {
        for (String channel : event.channels()) {
            if (PusherProtocol.isCacheChannel(channel)) {
                cache.put(channel, new Cached(new CachedEvent(event.name(), event.data()),
                        clock.instant().plus(cacheLifetime.apply(channel))));
            }
        }
        sink.receive(event);
    }

    @Override
    public CompletionStage<Void> publishAsync(ClusterMessage.Published event) {
        // a client's event, which (as in a cluster) is not kept as a cache channel's last event
        sink.receive(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public CompletionStage<Optional<CachedEvent>> lastEvent(String channel) {
        Cached cached = cache.get(channel);
        if (cached != null && !clock.instant().isBefore(cached.expires())) {
            cache.remove(channel, cached);
            cached = null;
        }
        return CompletableFuture.completedFuture(Optional.ofNullable(cached).map(Cached::event));
    }

    @Override
    public void terminate(String userId) {
        sink.receive(new ClusterMessage.Terminate(userId));
    }

    // Every event is handed to this process's registry: a channel's events reach its subscribers at once.
    @Override
    public CompletionStage<Void> hold(String channel) {
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void release(String channel) {
        // nothing held
    }

    @Override
    public void subscribed(String channel) {
        count(channel, 1, true);
    }

    @Override
    public void unsubscribed(String channel) {
        count(channel, -1, true);
    }

    // Changes the channel's subscriptions by delta (never below none) and reports it as Pusher orders webhooks:
    // occupied before the count that made it so, vacated after. A presence channel's count is not reported (Pusher
    // reports none for presence channels: member_added and member_removed say it).
    private void count(String channel, int delta, boolean reported) {
        subscriptions.compute(channel, (name, before) -> {
            int had = before == null ? 0 : before;
            int has = Math.max(0, had + delta);
            if (had == 0 && has > 0) {
                facts.occupied(name);
            }
            if (reported) {
                facts.subscriptionCount(name, has);
            }
            if (had > 0 && has == 0) {
                facts.vacated(name);
            }
            return has == 0 ? null : has;
        });
    }

    @Override
    public CompletionStage<JoinOutcome> joinPresence(PresenceJoin join) {
        JoinOutcome[] outcome = {JoinOutcome.FULL};
        presence.compute(join.channel(), (name, existing) -> {
            MemberCounts members = existing != null ? existing : new MemberCounts();
            if (!join.fits(members)) {
                return existing;
            }
            count(name, 1, false);
            boolean added = members.join(join.userId(), join.infoJson());
            sink.receive(new ClusterMessage.MemberJoined(name, join.socketId(), join.userId(), join.infoJson(), added,
                    join.reported(members.infos())));
            if (added) {
                facts.memberAdded(name, join.userId());
            }
            outcome[0] = JoinOutcome.JOINED;
            return members;
        });
        return CompletableFuture.completedFuture(outcome[0]);
    }

    @Override
    public void leavePresence(String channel, String userId) {
        presence.computeIfPresent(channel, (name, members) -> {
            if (members.leave(userId)) {
                sink.receive(new ClusterMessage.MemberLeft(name, userId));
                facts.memberRemoved(name, userId);
            }
            count(name, -1, false);
            return members.isEmpty() ? null : members;
        });
    }

    @Override
    public List<ChannelSummary> channels(String prefix) {
        List<ChannelSummary> found = new ArrayList<>();
        subscriptions.keySet().stream().filter(name -> name.startsWith(prefix == null ? "" : prefix)).sorted()
                .forEach(name -> channel(name).ifPresent(found::add));
        return found;
    }

    @Override
    public CompletionStage<Long> subscriptionCount(String channel) {
        return CompletableFuture.completedFuture((long) subscriptions.getOrDefault(channel, 0));
    }

    @Override
    public Optional<ChannelSummary> channel(String name) {
        Integer count = subscriptions.get(name);
        return count == null ? Optional.empty() : Optional.of(new ChannelSummary(name, count, users(name).size()));
    }

    @Override
    public long countInSecond(String counter, long epochSecond) {
        long[] count = new long[1];
        rates.compute(counter, (name, window) -> {
            long[] current = window == null || window[0] != epochSecond ? new long[] {epochSecond, 0} : window;
            count[0] = ++current[1];
            return current;
        });
        return count[0];
    }

    @Override
    public List<String> users(String channel) {
        List<String> ids = new ArrayList<>();
        presence.computeIfPresent(channel, (name, members) -> {
            ids.addAll(members.infos().keySet());
            return members;
        });
        return ids;
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void close() {
        // nothing held outside this process
    }
}
