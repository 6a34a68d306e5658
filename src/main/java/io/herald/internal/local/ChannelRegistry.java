package io.herald.internal.local;

import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.ClusterUnavailable;
import io.herald.internal.cluster.Fanout;
import io.herald.internal.cluster.MessageSink;
import io.herald.internal.cluster.PresenceJoin;
import io.herald.internal.protocol.PusherProtocol;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * Who is connected to this instance, what they subscribe to ({@link Subscription}), who they signed in as, and
 * what each channel's subscribers here were told about its members ({@link LocalChannel}). Changes made here go to
 * the {@link Fanout}, which counts them (in this process or in the cluster) and reports them to the application;
 * what the fan-out hands back ({@link #receive}) becomes frames for the connections here. The registry is the same
 * with or without a cluster.
 *
 * <p>Each channel changes under its own lock; presence frames are queued under it and written after it, so every
 * subscriber sees a channel's changes in one order. The fan-out is never called under a channel's lock, so its
 * messages may come back on the calling thread.
 */
final class ChannelRegistry implements MessageSink {
    private final Map<String, LocalSocket> sockets = new ConcurrentHashMap<>();
    private final LocalChannels channels = new LocalChannels();
    private final Map<String, Set<LocalSocket>> users = new ConcurrentHashMap<>();
    private final ChannelFacts facts;
    // Shared while a change is made here and sent to the fan-out; exclusive while a re-registration reads the holdings
    // and sends them, so that it sends exactly what the changes sent before it amount to.
    private final ReadWriteLock sending = new ReentrantReadWriteLock();
    private volatile Fanout fanout;

    /** @param facts where cache misses are reported (the fan-out reports everything else) */
    ChannelRegistry(ChannelFacts facts) {
        this.facts = facts;
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
     * when they come and go ({@link Watchlists}).
     */
    void signIn(LocalSocket socket, String userId, List<String> watchlist, Runnable confirm) {
        boolean first = socket.userId() == null;
        socket.signIn(userId);
        socket.watch(watchlist);
        users.computeIfAbsent(userId, key -> ConcurrentHashMap.newKeySet()).add(socket);
        // Confirmed once events for the user reach this connection, and before any watchlist event.
        confirm.run();
        if (first) {
            joinPresence(socket, Watchlists.join(socket, userId, watchlist));
        }
    }

    /**
     * Subscribes to a public or private channel once its events reach this instance ({@link Fanout#hold});
     * {@code subscription_succeeded} is queued before any of its events. Asked again, it is confirmed again.
     */
    CompletionStage<Admission> subscribe(LocalSocket socket, String channel, int maxSubscribers) {
        synchronized (socket.subscriptionLock()) {
            Subscription held = socket.subscriptions().putIfAbsent(channel, Subscription.PENDING);
            if (held == Subscription.PLAIN) {
                socket.send(Frames.subscriptionSucceeded(channel, "{}"));
                replayCache(socket, channel);
            }
            if (held != null) {
                return CompletableFuture.completedFuture(Admission.ADMITTED);
            }
        }
        return fanout.hold(channel).thenCompose(ready -> admit(channel, maxSubscribers)).thenApply(admission -> {
            if (admission == Admission.ADMITTED) {
                completeSubscription(socket, channel);
            } else {
                refuse(socket, channel);
            }
            return admission;
        });
    }

    /** Whether a subscription may be made, asked once its channel is held. */
    enum Admission {
        ADMITTED,
        /** The channel has its {@code max-subscribers}, over the cluster. */
        FULL,
        /** The cluster could not say how many subscribers it has. */
        UNCOUNTED
    }

    // Counted where the count is kept (in Redis for a cluster), so subscriptions arriving at the same moment on
    // several connections may pass the limit by as many.
    private CompletionStage<Admission> admit(String channel, int maxSubscribers) {
        if (maxSubscribers == 0) {
            return CompletableFuture.completedFuture(Admission.ADMITTED);
        }
        return fanout.subscriptionCount(channel).handle((count, failure) -> failure != null ? Admission.UNCOUNTED
                : count >= maxSubscribers ? Admission.FULL : Admission.ADMITTED);
    }

    // A subscription refused before it was counted: nothing of it remains here.
    private void refuse(LocalSocket socket, String channel) {
        synchronized (socket.subscriptionLock()) {
            socket.subscriptions().remove(channel, Subscription.PENDING);
            fanout.release(channel);
        }
    }

    private void completeSubscription(LocalSocket socket, String channel) {
        synchronized (socket.subscriptionLock()) {
            if (!socket.subscriptions().replace(channel, Subscription.PENDING, Subscription.PLAIN)) {
                fanout.release(channel);   // it left, or closed, while the channel's events were on their way
                return;
            }
            whileSending(() -> {
                boolean subscribed = channels.change(channel, state -> state.subscribe(socket));
                socket.flush();
                if (subscribed) {
                    fanout.subscribed(channel);
                }
                return subscribed;
            });
        }
        replayCache(socket, channel);
    }

    /** Subscribes a signed-in connection to its own {@code #server-to-user-<id>} channel. */
    void subscribeOwnUserChannel(LocalSocket socket, String channel) {
        socket.subscriptions().put(channel, Subscription.OWN_USER);
        socket.send(Frames.subscriptionSucceeded(channel, "{}"));
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
     * Asks the fan-out to count the connection as a presence member. It becomes a subscriber when the fan-out's
     * {@link ClusterMessage.MemberJoined} for it arrives; a connection already subscribed gets the members again. The
     * stage says whether it joined; when it did not, nothing of it remains here.
     */
    CompletionStage<Fanout.JoinOutcome> joinPresence(LocalSocket socket, PresenceJoin join) {
        return joinPresence(socket, join, 0);
    }

    /** {@link #joinPresence(LocalSocket, PresenceJoin)} within the channel's {@code max-subscribers} (0: any number). */
    CompletionStage<Fanout.JoinOutcome> joinPresence(LocalSocket socket, PresenceJoin join, int maxSubscribers) {
        String channel = join.channel();
        synchronized (socket.subscriptionLock()) {
            Subscription held = socket.subscriptions().putIfAbsent(channel, Subscription.PENDING);
            if (held instanceof Subscription.Presence) {
                Recipients recipients = new Recipients();
                channels.changeIfPresent(channel, state -> {
                    state.resend(socket, recipients);
                    return null;
                });
                recipients.flush();
            }
            if (held != null) {
                return CompletableFuture.completedFuture(Fanout.JoinOutcome.JOINED);
            }
        }
        Subscription.Presence subscription = new Subscription.Presence(join.userId());
        return fanout.hold(channel).thenCompose(ready -> admit(channel, maxSubscribers))
                .thenCompose(admission -> switch (admission) {
                    case ADMITTED -> startJoining(socket, join, subscription);
                    case FULL -> {
                        refuse(socket, channel);
                        yield CompletableFuture.completedFuture(Fanout.JoinOutcome.SUBSCRIBERS_FULL);
                    }
                    case UNCOUNTED -> {
                        refuse(socket, channel);
                        yield CompletableFuture.failedFuture(new ClusterUnavailable("The subscribers of '" + channel
                                + "' could not be counted", null));
                    }
                })
                .whenComplete((outcome, failure) -> {
                    if (failure != null || outcome != Fanout.JoinOutcome.JOINED) {
                        withdraw(socket, channel, subscription);
                    }
                });
    }

    // The join is sent under the connection's lock and with the change here, which no re-registration comes between.
    private CompletionStage<Fanout.JoinOutcome> startJoining(LocalSocket socket, PresenceJoin join,
            Subscription.Presence subscription) {
        String channel = join.channel();
        synchronized (socket.subscriptionLock()) {
            if (!socket.subscriptions().replace(channel, Subscription.PENDING, subscription)) {
                fanout.release(channel);
                // it left, or closed, while the channel's events were on their way: nobody to tell anything
                return CompletableFuture.completedFuture(Fanout.JoinOutcome.JOINED);
            }
            return whileSending(() -> {
                channels.change(channel, state -> {
                    state.startJoining(socket, join.userId(), join.infoJson());
                    return null;
                });
                return fanout.joinPresence(join);
            });
        }
    }

    /** Leaves a channel; leaving one not subscribed does nothing. */
    void unsubscribe(LocalSocket socket, String channel) {
        synchronized (socket.subscriptionLock()) {
            Subscription subscription = socket.subscriptions().remove(channel);
            if (subscription == null || !subscription.isHeld()) {
                return;   // a pending one is released by whoever completes it
            }
            whileSending(() -> {
                if (forget(socket, channel, subscription)) {
                    if (subscription instanceof Subscription.Presence presence) {
                        fanout.leavePresence(channel, presence.userId());
                    } else {
                        fanout.unsubscribed(channel);
                    }
                }
                return null;
            });
            fanout.release(channel);
        }
    }

    // Undoes a presence join the fan-out did not count.
    private void withdraw(LocalSocket socket, String channel, Subscription subscription) {
        synchronized (socket.subscriptionLock()) {
            if (socket.subscriptions().remove(channel, subscription)) {
                forget(socket, channel, subscription);
                fanout.release(channel);
            }
        }
    }

    // Removes the socket from the channel here; false when this instance does not hold the channel.
    private boolean forget(LocalSocket socket, String channel, Subscription subscription) {
        return channels.changeIfPresent(channel, state -> {
            state.forget(socket, subscription);
            return true;
        }).orElse(false);
    }

    @Override
    public void receive(ClusterMessage message) {
        if (message instanceof ClusterMessage.Published event) {
            deliver(event);
        } else if (message instanceof ClusterMessage.MemberJoined joined) {
            memberJoined(joined);
        } else if (message instanceof ClusterMessage.MemberLeft left) {
            memberLeft(left);
        } else if (message instanceof ClusterMessage.Terminate terminate) {
            terminateHere(terminate.userId());
        } else if (message instanceof ClusterMessage.Snapshot snapshot && !snapshot.channel().equals(Watchlists.ONLINE)) {
            Recipients recipients = new Recipients();
            channels.changeIfPresent(snapshot.channel(), state -> {
                state.reconcile(snapshot.members(), recipients);
                return null;
            });
            recipients.flush();
        }
    }

    @Override
    public LocalHoldings holdings() {
        Map<String, Integer> subscriptions = new HashMap<>();
        Map<String, Map<String, Member>> presence = new HashMap<>();
        for (String name : channels.names()) {
            channels.changeIfPresent(name, channel -> {
                // A joining connection's join was sent: the cluster counts it (or will, or refuses it and withdraws).
                if (channel.heldConnections() > 0) {
                    subscriptions.put(name, channel.heldConnections());
                }
                if (!channel.localMembers().isEmpty()) {
                    presence.put(name, channel.localMembers());
                }
                return null;
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

    /** Every connection here. */
    List<LocalSocket> all() {
        return List.copyOf(sockets.values());
    }

    /**
     * Closes every connection with 4200, Pusher's "reconnect now": the application is stopping, and its clients should
     * come back to the one that replaces it (a redeployment, a live reload) instead of staying connected to nothing.
     */
    void closeAll() {
        for (LocalSocket socket : List.copyOf(sockets.values())) {
            socket.closeNow(PusherProtocol.RECONNECT_NOW, "Server restarting; reconnect");
        }
    }

    /** Delivers an event to the subscribers here but the excluded connection, encoded once per channel. */
    private void deliver(ClusterMessage.Published event) {
        for (String channel : event.channels()) {
            String user = PusherProtocol.serverToUserId(channel);
            Set<LocalSocket> recipients = user != null ? users.getOrDefault(user, Set.of())
                    : channels.subscribers(channel);
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

    // The joining connection (when it is here) becomes a subscriber; the others learn of a new member.
    private void memberJoined(ClusterMessage.MemberJoined joined) {
        LocalSocket joiner = joined.socketId() == null ? null : sockets.get(joined.socketId());
        Recipients recipients = new Recipients();
        boolean confirmed = channels.changeIfPresent(joined.channel(), state -> {
            if (joined.channel().equals(Watchlists.ONLINE)) {
                Watchlists.cameOnline(state, joiner, joined, recipients);
                return false;
            }
            boolean joinedHere = joiner != null && state.confirm(joiner, joined.members(), recipients);
            if (joined.newMember()) {
                state.memberAdded(joined.userId(), joined.infoJson(), joiner, recipients);
            }
            return joinedHere;
        }).orElse(false);
        recipients.flush();
        if (confirmed) {
            replayCache(joiner, joined.channel());
        }
    }

    private void memberLeft(ClusterMessage.MemberLeft left) {
        Recipients recipients = new Recipients();
        channels.changeIfPresent(left.channel(), state -> {
            if (left.channel().equals(Watchlists.ONLINE)) {
                Watchlists.wentOffline(state, left.userId(), recipients);
            } else {
                state.memberRemoved(left.userId(), recipients);
            }
            return null;
        });
        recipients.flush();
    }

    /** Closes every connection here signed in as {@code userId}. */
    private void terminateHere(String userId) {
        for (LocalSocket socket : List.copyOf(users.getOrDefault(userId, Set.of()))) {
            socket.sendAndClose(Frames.error(PusherProtocol.UNAUTHORIZED, "You got disconnected by the app."),
                    PusherProtocol.UNAUTHORIZED, "Terminated by the app");
        }
    }
}
