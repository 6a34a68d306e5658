package io.herald.internal.local;

import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.CachedEvent;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.Fanout;
import io.herald.internal.cluster.MessageSink;
import io.herald.internal.protocol.PusherProtocol;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The fan-out of a single instance (no {@code scaling}): messages go straight to the registry on the calling thread,
 * and presence members are counted here, each channel under its own lock, which is what orders its changes.
 */
final class InProcessFanout implements Fanout {
    private final ChannelRegistry registry;
    private final ChannelFacts facts;
    private final Map<String, Map<String, MessageSink.Member>> presence = new ConcurrentHashMap<>();
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();
    private final Clock clock;

    /** A cache channel's last event and when it stops being sent. */
    private record Cached(CachedEvent event, Instant expires) {
    }

    /** @param facts where members added and removed are reported */
    InProcessFanout(ChannelRegistry registry, ChannelFacts facts, Clock clock) {
        this.registry = registry;
        this.facts = facts;
        this.clock = clock;
    }

    @Override
    public void start(MessageSink sink) {
        // the registry was given at construction; nothing to connect
    }

    @Override
    public void publish(ClusterMessage.Published event) {
        Instant expires = clock.instant().plus(PusherProtocol.CACHE_TTL);
        for (String channel : event.channels()) {
            if (PusherProtocol.isCacheChannel(channel)) {
                cache.put(channel, new Cached(new CachedEvent(event.name(), event.data()), expires));
            }
        }
        registry.receive(event);
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
    public CompletionStage<Void> publishAsync(ClusterMessage.Published event) {
        registry.receive(event);
        return CompletableFuture.completedFuture(null);
    }

    @Override
    public void terminate(String userId) {
        registry.receive(new ClusterMessage.Terminate(userId));
    }

    @Override
    public void subscribed(String channel) {
        // the registry's own subscribers are the count
    }

    @Override
    public void unsubscribed(String channel) {
        // the registry's own subscribers are the count
    }

    @Override
    public CompletionStage<JoinOutcome> joinPresence(String channel, String socketId, String userId, String infoJson,
            int maxMembers, List<String> reported) {
        JoinOutcome[] outcome = {JoinOutcome.JOINED};
        boolean[] added = new boolean[1];
        presence.compute(channel, (name, existing) -> {
            Map<String, MessageSink.Member> members = existing != null ? existing : new LinkedHashMap<>();
            MessageSink.Member member = members.get(userId);
            if (member == null && members.size() >= maxMembers) {
                outcome[0] = JoinOutcome.FULL;
                return existing;
            }
            members.put(userId, member == null ? new MessageSink.Member(1, infoJson)
                    : new MessageSink.Member(member.connections() + 1, member.infoJson()));
            registry.receive(new ClusterMessage.MemberJoined(name, socketId, userId, infoJson, member == null,
                    infos(members, reported)));
            added[0] = member == null;
            return members;
        });
        if (added[0]) {
            facts.memberAdded(channel, userId);
        }
        return CompletableFuture.completedFuture(outcome[0]);
    }

    @Override
    public void leavePresence(String channel, String userId) {
        boolean[] removed = new boolean[1];
        presence.computeIfPresent(channel, (name, members) -> {
            MessageSink.Member member = members.get(userId);
            if (member == null) {
                return members;
            }
            if (member.connections() > 1) {
                members.put(userId, new MessageSink.Member(member.connections() - 1, member.infoJson()));
                return members;
            }
            members.remove(userId);
            registry.receive(new ClusterMessage.MemberLeft(name, userId));
            removed[0] = true;
            return members.isEmpty() ? null : members;
        });
        if (removed[0]) {
            facts.memberRemoved(channel, userId);
        }
    }

    @Override
    public List<ChannelSummary> channels(String prefix) {
        return registry.summaries(prefix);
    }

    @Override
    public Optional<ChannelSummary> channel(String name) {
        return registry.summary(name);
    }

    @Override
    public List<String> users(String channel) {
        return registry.members(channel);
    }

    @Override
    public boolean isReady() {
        return true;
    }

    @Override
    public void close() {
        // nothing held outside the registry
    }

    private static Map<String, String> infos(Map<String, MessageSink.Member> members, List<String> reported) {
        Map<String, String> infos = new LinkedHashMap<>();
        members.forEach((userId, member) -> {
            if (reported == null || reported.contains(userId)) {
                infos.put(userId, member.infoJson());
            }
        });
        return infos;
    }
}
