package io.herald.internal.local;

import io.herald.ChannelType;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.Fanout;
import io.herald.internal.cluster.MessageSink;
import io.herald.internal.protocol.PusherProtocol;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Who is connected to this instance, what they subscribe to, who they signed in as, and what each channel's
 * subscribers here were told about its members. Changes made here go to the {@link Fanout}, which counts them in the
 * cluster; what the fan-out hands back ({@link #receive}) becomes frames for the connections here.
 *
 * <p>Each channel changes under its own lock (the map's {@code compute}); presence frames are queued under it and
 * written after it, so every subscriber sees a channel's changes in one order. The fan-out is never called under a
 * lock, so its messages may come back on the calling thread.
 */
final class ChannelRegistry implements MessageSink {
    /**
     * Herald's own presence channel of signed-in users, which no client can name: its members are who is online,
     * and its joins and leaves become watchlist events ({@code pusher_internal:watchlist_events}).
     */
    static final String ONLINE = "#online";

    private final Map<String, LocalSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, LocalChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Set<LocalSocket>> users = new ConcurrentHashMap<>();
    private final ChannelFacts facts;
    private final ChannelFacts occupancy;
    // Shared while a change is made here and sent to the fan-out; exclusive while a re-registration reads the holdings
    // and sends them, so that it sends exactly what the changes sent before it amount to.
    private final ReadWriteLock sending = new ReentrantReadWriteLock();
    private volatile Fanout fanout;

    /**
     * @param facts where cache misses are reported
     * @param reportsOccupancy whether this registry's view is the app's (a single instance) and so reports channels
     *                         occupied and vacated and their subscription counts; in a cluster the fan-out does
     */
    ChannelRegistry(ChannelFacts facts, boolean reportsOccupancy) {
        this.facts = facts;
        this.occupancy = reportsOccupancy ? facts : ChannelFacts.NONE;
    }

    void attach(Fanout fanout) {
        this.fanout = fanout;
    }

    int connections() {
        return sockets.size();
    }

    /** Adds a new connection; false when its socket id is taken. */
    boolean add(LocalSocket socket) {
        return sockets.putIfAbsent(socket.socketId(), socket) == null;
    }

    /** Forgets a closed connection: its subscriptions (presence members leave) and its sign-in. */
    void remove(LocalSocket socket) {
        if (sockets.remove(socket.socketId()) == null) {
            return;
        }
        for (String channel : List.copyOf(socket.subscriptions().keySet())) {
            unsubscribe(socket, channel);
        }
        String userId = socket.userId();
        if (userId != null) {
            users.computeIfPresent(userId, (id, set) -> {
                set.remove(socket);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /**
     * Signs the connection in and counts it as online; it is told which users of its watchlist are online, and later
     * when they come and go.
     */
    void signIn(LocalSocket socket, String userId, List<String> watchlist, Runnable confirm) {
        boolean first = socket.userId() == null;
        socket.signIn(userId);
        socket.watch(watchlist);
        users.computeIfAbsent(userId, key -> ConcurrentHashMap.newKeySet()).add(socket);
        // Confirmed once events for the user reach this connection, and before any watchlist event.
        confirm.run();
        if (first) {
            joinPresence(socket, ONLINE, userId, "{}", Integer.MAX_VALUE, watchlist);
        }
    }

    /** Subscribes to a public or private channel; {@code subscription_succeeded} is queued before any of its events. */
    void subscribe(LocalSocket socket, String channel) {
        Subscribed subscribed = whileSending(() -> addSubscriber(socket, channel));
        if (subscribed.added() && subscribed.first()) {
            occupancy.occupied(channel);
        }
        if (subscribed.added()) {
            occupancy.subscriptionCount(channel, subscribed.subscribers());
        }
        replayCache(socket, channel);
    }

    /**
     * What a subscription changed here.
     *
     * @param added whether the connection was not a subscriber yet
     * @param first whether it is the channel's first subscriber here
     * @param subscribers how many there are now
     */
    private record Subscribed(boolean added, boolean first, int subscribers) {
    }

    private Subscribed addSubscriber(LocalSocket socket, String channel) {
        Subscribed[] result = new Subscribed[1];
        channels.compute(channel, (name, existing) -> {
            LocalChannel state = existing != null ? existing : new LocalChannel(name);
            // Queued before the socket joins the set that deliveries read without this lock: no event can precede it.
            socket.offer(Frames.subscriptionSucceeded(channel, "{}"));
            socket.subscriptions().put(channel, "");
            boolean first = state.subscribers().isEmpty();
            boolean added = state.subscribers().add(socket);
            result[0] = new Subscribed(added, first, state.subscribers().size());
            return state;
        });
        socket.flush();
        if (result[0].added()) {
            fanout.subscribed(channel);
        }
        return result[0];
    }

    // A change here and its message to the fan-out, which no re-registration comes between.
    private <T> T whileSending(Supplier<T> change) {
        Lock shared = sending.readLock();
        shared.lock();
        try {
            return change.get();
        } finally {
            shared.unlock();
        }
    }

    // Right after subscription_succeeded: a cache channel's last event, or pusher:cache_miss.
    private void replayCache(LocalSocket socket, String channel) {
        if (!PusherProtocol.isCacheChannel(channel)) {
            return;
        }
        fanout.lastEvent(channel).whenComplete((cached, failure) -> {
            if (failure != null) {
                return;
            }
            if (cached.isPresent()) {
                socket.send(Frames.event(cached.get().name(), channel, cached.get().data(), null));
            } else {
                socket.send(Frames.frame("pusher:cache_miss", channel, "{}"));
                facts.cacheMiss(channel);
            }
        });
    }

    /**
     * Asks the cluster to count the connection as {@code userId} on a presence channel. It becomes a subscriber when
     * the fan-out's {@link ClusterMessage.MemberJoined} for it arrives; a connection already subscribed gets the
     * members again. The stage says whether it joined; when it did not, nothing of it remains here.
     */
    CompletionStage<Fanout.JoinOutcome> joinPresence(LocalSocket socket, String channel, String userId, String infoJson,
            int maxMembers) {
        return joinPresence(socket, channel, userId, infoJson, maxMembers, null);
    }

    private CompletionStage<Fanout.JoinOutcome> joinPresence(LocalSocket socket, String channel, String userId,
            String infoJson, int maxMembers, List<String> reported) {
        if (socket.subscriptions().containsKey(channel)) {
            channels.computeIfPresent(channel, (name, state) -> {
                if (state.subscribers().contains(socket)) {
                    socket.offer(Frames.subscriptionSucceeded(channel, Frames.presence(state.members())));
                }
                return state;
            });
            socket.flush();
            return CompletableFuture.completedFuture(Fanout.JoinOutcome.JOINED);
        }
        return whileSending(() -> {
            channels.compute(channel, (name, existing) -> {
                LocalChannel state = existing != null ? existing : new LocalChannel(name);
                state.joining().add(socket);
                state.addLocalMember(userId, infoJson);
                socket.subscriptions().put(channel, userId);
                return state;
            });
            return fanout.joinPresence(channel, socket.socketId(), userId, infoJson, maxMembers, reported);
        }).whenComplete((outcome, failure) -> {
            if (failure != null || outcome != Fanout.JoinOutcome.JOINED) {
                withdraw(socket, channel, userId);
            }
        });
    }

    /** Leaves a channel; leaving one not subscribed does nothing. */
    void unsubscribe(LocalSocket socket, String channel) {
        Forgotten forgotten = whileSending(() -> {
            String userId = socket.subscriptions().remove(channel);
            if (userId == null) {
                return Forgotten.NOTHING;
            }
            Forgotten removed = forget(socket, channel, userId);
            if (removed.held() && userId.isEmpty()) {
                fanout.unsubscribed(channel);
            } else if (removed.held()) {
                fanout.leavePresence(channel, userId);
            }
            return removed;
        });
        if (forgotten.held()) {
            report(channel, forgotten);
        }
    }

    // Undoes a presence join the cluster did not count.
    private void withdraw(LocalSocket socket, String channel, String userId) {
        if (socket.subscriptions().remove(channel, userId)) {
            report(channel, forget(socket, channel, userId));
        }
    }

    /**
     * What removing a connection from a channel changed here.
     *
     * @param held whether the channel was held here at all (a {@code #server-to-user-} one is not)
     * @param wasSubscriber whether the connection was a subscriber (not still joining)
     * @param subscribers how many remain
     */
    private record Forgotten(boolean held, boolean wasSubscriber, int subscribers) {
        static final Forgotten NOTHING = new Forgotten(false, false, 0);
    }

    // After the fan-out heard of it, so that a presence channel's member_removed comes before its vacated.
    private void report(String channel, Forgotten forgotten) {
        if (!forgotten.wasSubscriber()) {
            return;
        }
        if (ChannelType.of(channel) != ChannelType.PRESENCE) {
            occupancy.subscriptionCount(channel, forgotten.subscribers());
        }
        if (forgotten.subscribers() == 0) {
            occupancy.vacated(channel);
        }
    }

    // Removes the socket from the channel here.
    private Forgotten forget(LocalSocket socket, String channel, String userId) {
        Forgotten[] result = {Forgotten.NOTHING};
        channels.computeIfPresent(channel, (name, state) -> {
            boolean wasSubscriber = state.subscribers().remove(socket);
            state.joining().remove(socket);
            if (!userId.isEmpty()) {
                state.removeLocalMember(userId);
            }
            if (wasSubscriber && state.subscribers().isEmpty()) {
                state.members().clear();
            }
            result[0] = new Forgotten(true, wasSubscriber, state.subscribers().size());
            return state.isUnused() ? null : state;
        });
        return result[0];
    }

    /** Subscribes a signed-in connection to its own {@code #server-to-user-<id>} channel. */
    void subscribeOwnUserChannel(LocalSocket socket, String channel) {
        socket.subscriptions().put(channel, "");
        socket.send(Frames.subscriptionSucceeded(channel, "{}"));
    }

    @Override
    public void receive(ClusterMessage message) {
        if (message instanceof ClusterMessage.Published event) {
            deliver(event);
        } else if (message instanceof ClusterMessage.MemberJoined joined) {
            if (joined.channel().equals(ONLINE)) {
                cameOnline(joined);
            } else {
                memberJoined(joined);
            }
        } else if (message instanceof ClusterMessage.MemberLeft left) {
            if (left.channel().equals(ONLINE)) {
                wentOffline(left.userId());
            } else {
                memberLeft(left);
            }
        } else if (message instanceof ClusterMessage.Terminate terminate) {
            terminateHere(terminate.userId());
        } else if (message instanceof ClusterMessage.Snapshot snapshot && !snapshot.channel().equals(ONLINE)) {
            snapshot(snapshot);
        }
    }

    @Override
    public LocalHoldings holdings() {
        Map<String, Integer> subscriptions = new HashMap<>();
        Map<String, Map<String, Member>> presence = new HashMap<>();
        for (String name : List.copyOf(channels.keySet())) {
            channels.computeIfPresent(name, (key, channel) -> {
                // A joining connection's join was sent: the cluster counts it (or will, or refuses it and withdraws).
                int connections = channel.subscribers().size() + channel.joining().size();
                if (connections > 0) {
                    subscriptions.put(name, connections);
                }
                if (!channel.localMembers().isEmpty()) {
                    presence.put(name, Map.copyOf(channel.localMembers()));
                }
                return channel;
            });
        }
        return new LocalHoldings(subscriptions, presence);
    }

    @Override
    public <T> T whileHeld(Function<LocalHoldings, T> register) {
        Lock exclusive = sending.writeLock();
        exclusive.lock();
        try {
            return register.apply(holdings());
        } finally {
            exclusive.unlock();
        }
    }

    // A user's first connection anywhere signed in: the connection learns which of its watchlist are online, and
    // the connections here watching that user learn that they are.
    private void cameOnline(ClusterMessage.MemberJoined joined) {
        List<LocalSocket> told = new ArrayList<>();
        channels.computeIfPresent(ONLINE, (name, state) -> {
            LocalSocket joiner = joined.socketId() == null ? null : sockets.get(joined.socketId());
            if (joiner != null && state.joining().remove(joiner)) {
                state.subscribers().add(joiner);
                List<String> online = joined.members().keySet().stream().filter(joiner.watchlist()::contains).toList();
                if (!online.isEmpty()) {
                    joiner.offer(Frames.watchlist("online", online));
                    told.add(joiner);
                }
            }
            if (joined.newMember()) {
                tellWatchers(state, joined.userId(), Frames.watchlist("online", List.of(joined.userId())), told);
            }
            return state;
        });
        told.forEach(LocalSocket::flush);
    }

    private void wentOffline(String userId) {
        List<LocalSocket> told = new ArrayList<>();
        channels.computeIfPresent(ONLINE, (name, state) -> {
            tellWatchers(state, userId, Frames.watchlist("offline", List.of(userId)), told);
            return state;
        });
        told.forEach(LocalSocket::flush);
    }

    // Called under the lock of ONLINE, whose subscribers are this instance's signed-in connections.
    private static void tellWatchers(LocalChannel online, String userId, String frame, List<LocalSocket> told) {
        for (LocalSocket watcher : online.subscribers()) {
            if (watcher.watchlist().contains(userId)) {
                watcher.offer(frame);
                told.add(watcher);
            }
        }
    }

    /** This instance's occupied channels whose name starts with {@code prefix}, sorted by name. */
    List<ChannelSummary> summaries(String prefix) {
        return channels.values().stream()
                .filter(channel -> !PusherProtocol.isServerChannel(channel.name()))
                .filter(channel -> channel.name().startsWith(prefix == null ? "" : prefix))
                .map(this::summary)
                .flatMap(Optional::stream)
                .sorted(Comparator.comparing(ChannelSummary::name))
                .toList();
    }

    Optional<ChannelSummary> summary(String channel) {
        return Optional.ofNullable(channels.get(channel)).flatMap(this::summary);
    }

    /** The members this instance's subscribers of {@code channel} know. */
    List<String> members(String channel) {
        List<String> ids = new ArrayList<>();
        channels.computeIfPresent(channel, (name, state) -> {
            ids.addAll(state.members().keySet());
            return state;
        });
        return ids;
    }

    /**
     * Closes every connection with 4200, Pusher's "reconnect now": the application is stopping, and its clients should
     * come back to the one that replaces it (a redeployment, a live reload) instead of staying connected to nothing.
     */
    /** Every connection here. */
    List<LocalSocket> all() {
        return List.copyOf(sockets.values());
    }

    void closeAll() {
        for (LocalSocket socket : List.copyOf(sockets.values())) {
            socket.closeNow(PusherProtocol.RECONNECT_NOW, "Server restarting; reconnect");
        }
    }

    private Optional<ChannelSummary> summary(LocalChannel channel) {
        int[] counts = new int[2];
        channels.computeIfPresent(channel.name(), (name, state) -> {
            counts[0] = state.subscribers().size();
            counts[1] = state.members().size();
            return state;
        });
        return counts[0] == 0 ? Optional.empty() : Optional.of(new ChannelSummary(channel.name(), counts[0], counts[1]));
    }

    /** Delivers an event to the subscribers here but the excluded connection, encoded once per channel. */
    private void deliver(ClusterMessage.Published event) {
        for (String channel : event.channels()) {
            String user = PusherProtocol.serverToUserId(channel);
            Set<LocalSocket> recipients = user != null ? users.getOrDefault(user, Set.of())
                    : Optional.ofNullable(channels.get(channel)).map(LocalChannel::subscribers).orElse(Set.of());
            if (recipients.isEmpty()) {
                continue;
            }
            String frame = Frames.event(event.name(), channel, event.data(), event.presenceUserId());
            for (LocalSocket recipient : recipients) {
                if (!recipient.socketId().equals(event.excludedSocketId())) {
                    recipient.send(frame);
                }
            }
        }
    }

    private void memberJoined(ClusterMessage.MemberJoined joined) {
        List<LocalSocket> told = new ArrayList<>();
        boolean[] changed = new boolean[1];
        LocalSocket[] confirmed = new LocalSocket[1];
        channels.computeIfPresent(joined.channel(), (name, state) -> {
            LocalSocket joiner = joined.socketId() == null ? null : sockets.get(joined.socketId());
            if (joiner != null && state.joining().remove(joiner)) {
                if (state.subscribers().isEmpty()) {
                    state.members().clear();
                    state.members().putAll(joined.members());
                    changed[0] = true;
                }
                joiner.offer(Frames.subscriptionSucceeded(name, Frames.presence(joined.members())));
                state.subscribers().add(joiner);
                told.add(joiner);
                confirmed[0] = joiner;
            }
            if (joined.newMember() && !state.subscribers().isEmpty() && !state.members().containsKey(joined.userId())) {
                state.members().put(joined.userId(), joined.infoJson());
                tellOthers(state, joiner, Frames.memberAdded(name, joined.userId(), joined.infoJson()), told);
            }
            return state;
        });
        told.forEach(LocalSocket::flush);
        if (changed[0]) {
            occupancy.occupied(joined.channel());
        }
        if (confirmed[0] != null) {
            replayCache(confirmed[0], joined.channel());
        }
    }

    private void memberLeft(ClusterMessage.MemberLeft left) {
        List<LocalSocket> told = new ArrayList<>();
        channels.computeIfPresent(left.channel(), (name, state) -> {
            if (state.members().remove(left.userId()) != null) {
                tellOthers(state, null, Frames.memberRemoved(name, left.userId()), told);
            }
            return state;
        });
        told.forEach(LocalSocket::flush);
    }

    // The cluster's members may differ from what the subscribers here were told (messages missed while Redis was
    // away): tell them the difference.
    private void snapshot(ClusterMessage.Snapshot snapshot) {
        List<LocalSocket> told = new ArrayList<>();
        channels.computeIfPresent(snapshot.channel(), (name, state) -> {
            if (state.subscribers().isEmpty()) {
                return state;
            }
            for (String userId : List.copyOf(state.members().keySet())) {
                if (!snapshot.members().containsKey(userId)) {
                    state.members().remove(userId);
                    tellOthers(state, null, Frames.memberRemoved(name, userId), told);
                }
            }
            new LinkedHashMap<>(snapshot.members()).forEach((userId, info) -> {
                if (!state.members().containsKey(userId)) {
                    state.members().put(userId, info);
                    tellOthers(state, null, Frames.memberAdded(name, userId, info), told);
                }
            });
            return state;
        });
        told.forEach(LocalSocket::flush);
    }

    /** Closes every connection here signed in as {@code userId}. */
    private void terminateHere(String userId) {
        for (LocalSocket socket : List.copyOf(users.getOrDefault(userId, Set.of()))) {
            socket.sendAndClose(Frames.error(PusherProtocol.UNAUTHORIZED, "You got disconnected by the app."),
                    PusherProtocol.UNAUTHORIZED, "Terminated by the app");
        }
    }

    // Queues a frame for every subscriber but the one that caused it; called under the channel's lock.
    private static void tellOthers(LocalChannel state, LocalSocket cause, String frame, List<LocalSocket> told) {
        for (LocalSocket other : state.subscribers()) {
            if (other != cause) {
                other.offer(frame);
                told.add(other);
            }
        }
    }
}
