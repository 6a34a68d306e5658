package io.herald.internal.cluster;

import com.google.gson.JsonObject;
import io.herald.ChannelType;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.background.Background;
import io.herald.internal.protocol.PusherProtocol;
import io.lettuce.core.ScriptOutputType;
import io.lettuce.core.SetArgs;
import io.lettuce.core.api.async.RedisAsyncCommands;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fan-out of a cluster of instances over one Redis (a single server or a Sentinel-managed primary; not Redis
 * Cluster, whose pub/sub and scripts are per shard). Presence changes and terminations go through one pub/sub channel,
 * the bus; a channel's events through a pub/sub channel of its own, which only the instances serving the channel listen
 * to ({@link ChannelInterests}: routing by interest), so that an instance spends nothing on events none of its
 * connections wants. Redis sends one subscriber connection its messages in the order it ran the {@code PUBLISH}es,
 * whatever their channels, so every instance still sees one order; the origin delivers from Redis too, so a connection
 * receives an event once whichever instance it is on. Subscriptions and presence members are counted in Redis per instance, so queries
 * answer for the cluster in one or two reads, and the heartbeat lets any instance remove a dead one's connections.
 *
 * <pre>{@code
 * Fanout fanout = new RedisFanout(ClusterSettings.from(config, "42"), facts, Background.system(),
 *         channel -> PusherProtocol.CACHE_TTL);
 * fanout.start(registry);     // connects (retried in the background), registers, subscribes
 * }</pre>
 *
 * <p>Redis unreachable ({@link RedisLink}): publishing fails with {@link ClusterUnavailable}, {@link #isReady()} is
 * false, Lettuce reconnects with backoff; the next heartbeat then re-registers what this instance holds (Redis may
 * have restarted empty) and every instance re-checks the presence members its subscribers were told about.
 */
public final class RedisFanout implements Fanout {
    private final ClusterSettings settings;
    private final ChannelFacts facts;
    // This instance's id in the cluster, new for every start, so that a restarted instance is never taken for its past.
    private final String instance = UUID.randomUUID().toString();
    private final RedisKeys keys;
    private final String bus;
    private final ScheduledExecutorService heartbeat;
    private final ExecutorService delivery;
    private final Background background;
    private final AtomicBoolean needsSync = new AtomicBoolean(true);
    // When to compare the subscribers' view of members with the cluster's (the background's ticker), or 0 when not due. Two
    // heartbeats after the last re-registration seen, so that every live instance has re-registered first: compared
    // earlier, members of an instance that has not re-registered yet would be reported gone, then back.
    private final AtomicLong snapshotsDueAt = new AtomicLong();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final ChannelInterests interests;
    private volatile boolean ready;
    private volatile boolean closed;
    private volatile MessageSink sink;
    private volatile RedisLink link;
    private final Function<String, Duration> cacheLifetime;

    /**
     * @param facts where this instance reports the changes it caused, so that each is reported once in the cluster
     * @param cacheLifetime how long a cache channel keeps its last event (a Redis key's time to live)
     */
    public RedisFanout(ClusterSettings settings, ChannelFacts facts, Background background,
            Function<String, Duration> cacheLifetime) {
        this.cacheLifetime = cacheLifetime;
        this.background = background;
        this.settings = settings;
        this.facts = facts;
        this.keys = new RedisKeys(settings.prefix());
        this.bus = keys.bus();
        this.heartbeat = background.scheduler("herald-cluster-heartbeat");
        this.delivery = background.singleThread("herald-cluster-delivery");
        // a channel left is listened to for one more heartbeat, so that churn does not subscribe again and again
        this.interests = new ChannelInterests(background.ticker(), settings.heartbeatInterval());
    }

    @Override
    public void start(MessageSink sink) {
        this.sink = sink;
        // Lettuce calls back on its I/O thread, which must not wait; one thread keeps the order
        link = new RedisLink(settings, bus, () -> linkLost(null), message -> delivery.execute(() -> dispatch(message)),
                events -> delivery.execute(() -> interests.confirmed(keys.channelOfEvents(events))));
        tick();
        long interval = settings.heartbeatInterval().toMillis();
        heartbeat.scheduleWithFixedDelay(this::tick, interval, interval, TimeUnit.MILLISECONDS);
    }

    // A cache channel's event is stored before it is published, on the same connection, so a subscriber that hears
    // of it finds it cached.
    @Override
    public void publish(ClusterMessage.Published event) {
        RedisAsyncCommands<String, String> commands = async();
        for (String channel : event.channels()) {
            if (PusherProtocol.isCacheChannel(channel)) {
                commands.set(keys.cache(channel), BusCodec.encode(new CachedEvent(event.name(),
                        event.data())), SetArgs.Builder.px(cacheLifetime.apply(channel).toMillis()));
            }
        }
        await(publishPerChannel(commands, event));
    }

    // One message per channel, on the channel's own pub/sub channel (a user's on the bus): an instance serving two of
    // an event's channels delivers it once on each, as it would from one message.
    private CompletionStage<Void> publishPerChannel(RedisAsyncCommands<String, String> commands,
            ClusterMessage.Published event) {
        CompletableFuture<?>[] sent = new CompletableFuture<?>[event.channels().size()];
        for (int i = 0; i < sent.length; i++) {
            ClusterMessage.Published one = event.on(event.channels().get(i));
            String route = PusherProtocol.serverToUserId(one.channels().get(0)) != null ? bus
                    : keys.events(one.channels().get(0));
            sent[i] = commands.publish(route, BusCodec.encode(one)).toCompletableFuture();
        }
        return CompletableFuture.allOf(sent);
    }

    @Override
    public CompletionStage<Optional<CachedEvent>> lastEvent(String channel) {
        try {
            return unavailableOnFailure(async().get(keys.cache(channel)))
                    .thenApply(json -> Optional.ofNullable(json).flatMap(BusCodec::decodeCached));
        } catch (ClusterUnavailable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public CompletionStage<Void> publishAsync(ClusterMessage.Published event) {
        try {
            return unavailableOnFailure(publishPerChannel(async(), event));
        } catch (ClusterUnavailable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void terminate(String userId) {
        await(async().publish(bus, BusCodec.encode(new ClusterMessage.Terminate(userId))));
    }

    @Override
    public CompletionStage<Void> hold(String channel) {
        if (PusherProtocol.isServerChannel(channel)) {
            return CompletableFuture.completedFuture(null);   // Herald's own: no events, or on the bus
        }
        CompletionStage<Void> listening = interests.hold(channel, this::listen);
        // While Redis is away no event reaches any instance's subscribers: one subscribing now is served here at once
        // (a presence join then fails as the cluster's), and the subscription to Redis is sent again once it is back.
        return isReady() ? listening : CompletableFuture.completedFuture(null);
    }

    @Override
    public void release(String channel) {
        if (!PusherProtocol.isServerChannel(channel)) {
            interests.release(channel);
        }
    }

    // Called under the interests' lock, so that Redis gets subscriptions and unsubscriptions in their order.
    private void listen(String channel) {
        RedisLink current = link;
        if (current == null) {
            interests.refused(channel);
            return;
        }
        current.listen(keys.events(channel)).whenComplete((subscribed, failure) -> {
            if (failure != null) {
                interests.refused(channel);
            }
        });
    }

    @Override
    public void subscribed(String channel) {
        count(channel, "1");
    }

    @Override
    public void unsubscribed(String channel) {
        count(channel, "-1");
    }

    // The cluster's new count comes back to this instance alone, which reports it.
    private void count(String channel, String delta) {
        change(RedisScripts.COUNT, channel, delta).thenAccept(total -> facts.subscriptionCount(channel,
                Math.toIntExact(total)));
    }

    @Override
    public CompletionStage<JoinOutcome> joinPresence(PresenceJoin join) {
        try {
            CompletionStage<Long> joined = unavailableOnFailure(async().<Long>eval(RedisScripts.JOIN,
                    ScriptOutputType.INTEGER, new String[0], RedisScripts.joinArguments(settings.prefix(), instance,
                            join)));
            // a join that timed out may still have been counted: the next heartbeat makes the count right
            // A join refused as full may have been counted by a re-registration sent before its answer came: the
            // next heartbeat makes that right too.
            joined.whenComplete((result, failure) -> {
                if (failure != null || result < 0) {
                    needsSync.set(true);
                }
            });
            return joined.thenApply(result -> result < 0 ? JoinOutcome.FULL : JoinOutcome.JOINED);
        } catch (ClusterUnavailable e) {
            needsSync.set(true);
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public void leavePresence(String channel, String userId) {
        change(RedisScripts.LEAVE, channel, userId);
    }

    @Override
    public List<ChannelSummary> channels(String prefix) {
        Map<String, String> counts = await(async().hgetall(keys.channels()));
        List<ChannelSummary> found = new ArrayList<>();
        counts.entrySet().stream()
                .filter(entry -> entry.getKey().startsWith(prefix == null ? "" : prefix))
                .sorted(Map.Entry.comparingByKey())
                .forEach(entry -> found.add(new ChannelSummary(entry.getKey(), Integer.parseInt(entry.getValue()),
                        userCount(entry.getKey()))));
        return found;
    }

    @Override
    public CompletionStage<Long> subscriptionCount(String channel) {
        try {
            return unavailableOnFailure(async().hget(keys.channels(), channel))
                    .thenApply(count -> count == null ? 0L : Long.parseLong(count));
        } catch (ClusterUnavailable e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    @Override
    public Optional<ChannelSummary> channel(String name) {
        String count = await(async().hget(keys.channels(), name));
        return count == null ? Optional.empty()
                : Optional.of(new ChannelSummary(name, Integer.parseInt(count), userCount(name)));
    }

    @Override
    public List<String> users(String channel) {
        return await(async().hkeys(keys.presenceUsers(channel)));
    }

    @Override
    public boolean isReady() {
        return ready && !closed;
    }

    /** Leaves the cluster as a dead instance would be removed, at once rather than after the node timeout. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        ready = false;
        heartbeat.shutdownNow();
        if (link != null) {
            try {
                link.await(link.async().eval(RedisScripts.WITHDRAW, ScriptOutputType.INTEGER, new String[0],
                        settings.prefix(), instance));
            } catch (ClusterUnavailable e) {
                // the others remove this instance once its heartbeat expires
            }
            link.close();
        }
        delivery.shutdown();
    }

    // The heartbeat: renews this instance, removes dead ones, re-registers this instance's state when Redis lost it
    // or a change may not have reached it, and asks for the snapshots that correct the subscribers' view of members.
    private void tick() {
        if (closed) {
            return;
        }
        try {
            link.connectIfNeeded();
            Long registered = await(async().<Long>eval(RedisScripts.HEARTBEAT, ScriptOutputType.INTEGER,
                    new String[0], settings.prefix(), instance, Long.toString(settings.nodeTimeout().toMillis())));
            if (!link.subscribed()) {
                throw new ClusterUnavailable(HeraldMessages.clusterUnreachable("its pub/sub connection is down"), null);
            }
            interests.resubscribeRefused(this::listen);
            interests.expire(channel -> link.stopListening(keys.events(channel)));
            // Both read: a registration made now also answers a pending need to synchronise.
            boolean resync = needsSync.getAndSet(false);
            if (registered == 0 || resync) {
                reregister();
                scheduleSnapshots();
            }
            long due = snapshotsDueAt.get();
            if (due != 0 && background.ticker().nanos() - due >= 0 && snapshotsDueAt.compareAndSet(due, 0)) {
                requestSnapshots();
            }
            if (!ready) {
                ready = true;
                if (warned.getAndSet(false)) {
                    HeraldLog.clusterReachableAgain(settings.prefix());
                }
            }
        } catch (RuntimeException e) {
            linkLost(e);
        }
    }

    private void linkLost(Throwable cause) {
        ready = false;
        needsSync.set(true);
        if (!closed && !warned.getAndSet(true)) {
            HeraldLog.clusterUnreachable(settings.prefix(), cause == null ? "disconnected" : cause.getMessage());
        }
    }

    private void dispatch(String text) {
        Optional<BusCodec.Incoming> decoded = BusCodec.decode(text);
        if (decoded.isEmpty()) {
            HeraldLog.unknownClusterMessage(settings.prefix());
            return;
        }
        try {
            if (decoded.get() instanceof BusCodec.Reregistered reregistered) {
                if (!instance.equals(reregistered.instance())) {
                    scheduleSnapshots();
                }
            } else if (decoded.get() instanceof BusCodec.Occupancy occupancy) {
                if (instance.equals(occupancy.instance())) {
                    if (occupancy.occupied()) {
                        facts.occupied(occupancy.channel());
                    } else {
                        facts.vacated(occupancy.channel());
                    }
                }
            } else if (decoded.get() instanceof BusCodec.ForRegistry forRegistry) {
                dispatch(forRegistry);
            }
        } catch (RuntimeException e) {
            HeraldLog.clusterMessageFailed(e);
        }
    }

    // Then reports what this instance caused: the member it added or removed.
    private void dispatch(BusCodec.ForRegistry incoming) {
        boolean mine = instance.equals(incoming.forInstance());
        if (incoming.message() instanceof ClusterMessage.MemberJoined joined && !mine && joined.socketId() != null) {
            sink.receive(new ClusterMessage.MemberJoined(joined.channel(), null, joined.userId(), joined.infoJson(),
                    joined.newMember(), joined.members()));
        } else if (!(incoming.message() instanceof ClusterMessage.Snapshot) || mine) {
            sink.receive(incoming.message());
        }
        if (mine && incoming.message() instanceof ClusterMessage.MemberJoined joined && joined.newMember()) {
            facts.memberAdded(joined.channel(), joined.userId());
        } else if (mine && incoming.message() instanceof ClusterMessage.MemberLeft left) {
            facts.memberRemoved(left.channel(), left.userId());
        }
    }

    /**
     * Re-registers this instance now, as the heartbeat does once Redis lost its state or a change may have failed:
     * this instance's share of the cluster's state becomes what it holds, whatever changes are on their way.
     *
     * @throws ClusterUnavailable when Redis cannot be reached
     */
    public void reregisterNow() {
        reregister();
        scheduleSnapshots();
    }

    // The holdings are read and the script sent while the registry sends no change, so that Redis applies the changes
    // sent before it, then it, then the changes sent after it; only the answer is awaited outside.
    private void reregister() {
        await(sink.whileHeld(holdings -> async().eval(RedisScripts.SYNC, ScriptOutputType.INTEGER, new String[0],
                settings.prefix(), instance, subscriptionsJson(holdings), presenceJson(holdings))));
    }

    private static String subscriptionsJson(MessageSink.LocalHoldings holdings) {
        JsonObject subscriptions = new JsonObject();
        holdings.subscriptions().forEach(subscriptions::addProperty);
        return subscriptions.toString();
    }

    private static String presenceJson(MessageSink.LocalHoldings holdings) {
        JsonObject presence = new JsonObject();
        holdings.presence().forEach((channel, members) -> members.forEach((userId, member) -> {
            JsonObject entry = new JsonObject();
            entry.addProperty("n", member.connections());
            entry.addProperty("i", member.infoJson());
            presence.add(channel + "\n" + userId, entry);
        }));
        return presence.toString();
    }

    private void scheduleSnapshots() {
        long due = background.ticker().nanos() + settings.heartbeatInterval().multipliedBy(2).toNanos();
        snapshotsDueAt.set(due == 0 ? 1 : due);
    }

    private void requestSnapshots() {
        for (String channel : sink.holdings().presence().keySet()) {
            if (PusherProtocol.isServerChannel(channel)) {
                continue;   // Herald's own, such as who is online: nobody holds a view of its members
            }
            await(async().eval(RedisScripts.SNAPSHOT, ScriptOutputType.INTEGER, new String[0], settings.prefix(),
                    instance, channel));
        }
    }

    // A change of this instance's share; when it may not have reached Redis, the next heartbeat re-registers.
    private CompletableFuture<Long> change(String script, String channel, String argument) {
        CompletableFuture<Long> result = new CompletableFuture<>();
        try {
            async().<Long>eval(script, ScriptOutputType.INTEGER, new String[0], settings.prefix(), instance, channel,
                    argument).whenComplete((value, failure) -> {
                        if (failure != null) {
                            needsSync.set(true);
                        } else {
                            result.complete(value);
                        }
                    });
        } catch (RuntimeException e) {
            needsSync.set(true);
        }
        return result;
    }

    private int userCount(String channel) {
        return ChannelType.of(channel) == ChannelType.PRESENCE
                ? Math.toIntExact(await(async().hlen(keys.presenceUsers(channel)))) : 0;
    }

    private RedisAsyncCommands<String, String> async() {
        if (closed || link == null) {
            throw new ClusterUnavailable(HeraldMessages.clusterUnreachable("not connected"), null);
        }
        return link.async();
    }

    @Override
    public long countInSecond(String counter, long epochSecond) {
        String key = keys.rate(counter, epochSecond);
        RedisAsyncCommands<String, String> commands = async();
        CompletionStage<Long> count = commands.incr(key);
        commands.expire(key, 2);
        return await(count);
    }

    private <T> T await(CompletionStage<T> command) {
        return link.await(command);
    }

    private static <T> CompletionStage<T> unavailableOnFailure(CompletionStage<T> command) {
        return RedisLink.unavailableOnFailure(command);
    }
}
