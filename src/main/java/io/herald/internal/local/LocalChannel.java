package io.herald.internal.local;

import io.herald.internal.cluster.MemberCounts;
import io.herald.internal.cluster.MessageSink;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One channel as this instance holds it: its subscribers here, the connections still joining it (a presence join
 * waits for the fan-out's answer), the presence members connected here (this instance's share, which a
 * re-registration sends), and the channel's members as this instance's subscribers were told them. Changed only
 * under the lock {@link LocalChannels} holds for the channel; subscribers are read by deliveries without it.
 */
final class LocalChannel {
    private final String name;
    private final Set<LocalSocket> subscribers = ConcurrentHashMap.newKeySet();
    private final Set<LocalSocket> joining = new HashSet<>();
    private final MemberCounts localMembers = new MemberCounts();
    private final Map<String, String> told = new LinkedHashMap<>();

    LocalChannel(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    /** Who receives the channel's events here; safe to read without the channel's lock. */
    Set<LocalSocket> subscribers() {
        return subscribers;
    }

    /**
     * Makes {@code socket} a subscriber of a public or private channel, its {@code subscription_succeeded} queued
     * before it joins the set deliveries read: no event can precede it. False when it already was one.
     */
    boolean subscribe(LocalSocket socket) {
        socket.offer(Frames.subscriptionSucceeded(name, "{}"));
        return subscribers.add(socket);
    }

    /** Counts {@code socket} here as the member {@code userId} while the fan-out decides whether it joins. */
    void startJoining(LocalSocket socket, String userId, String infoJson) {
        joining.add(socket);
        localMembers.join(userId, infoJson);
    }

    /**
     * The fan-out counted a joining connection: it becomes a subscriber, told {@code members} (the first subscriber
     * here takes them as what the subscribers here know). False when it is not joining here (it left meanwhile).
     */
    boolean confirm(LocalSocket joiner, Map<String, String> members, Recipients recipients) {
        if (!joining.remove(joiner)) {
            return false;
        }
        if (subscribers.isEmpty()) {
            told.clear();
            told.putAll(members);
        }
        recipients.offer(joiner, Frames.subscriptionSucceeded(name, Frames.presence(members)));
        subscribers.add(joiner);
        return true;
    }

    /** Confirms a joining connection without a member list (Herald's channel of who is online). */
    boolean confirm(LocalSocket joiner) {
        return joining.remove(joiner) && subscribers.add(joiner);
    }

    /** An already subscribed connection asked again: it is told the members again. */
    void resend(LocalSocket socket, Recipients recipients) {
        if (subscribers.contains(socket)) {
            recipients.offer(socket, Frames.subscriptionSucceeded(name, Frames.presence(told)));
        }
    }

    /** Removes {@code socket} as {@code subscription} describes it. */
    void forget(LocalSocket socket, Subscription subscription) {
        subscribers.remove(socket);
        joining.remove(socket);
        if (subscription instanceof Subscription.Presence presence) {
            localMembers.leave(presence.userId());
        }
        if (subscribers.isEmpty()) {
            told.clear();
        }
    }

    /** A member joined anywhere: the subscribers here but {@code cause} are told, if they did not know. */
    void memberAdded(String userId, String infoJson, LocalSocket cause, Recipients recipients) {
        if (!subscribers.isEmpty() && !told.containsKey(userId)) {
            told.put(userId, infoJson);
            tellOthers(Frames.memberAdded(name, userId, infoJson), cause, recipients);
        }
    }

    /** A member left everywhere: the subscribers here are told, if they knew. */
    void memberRemoved(String userId, Recipients recipients) {
        if (told.remove(userId) != null) {
            tellOthers(Frames.memberRemoved(name, userId), null, recipients);
        }
    }

    /** The cluster's members may differ from what the subscribers here were told: they are told the difference. */
    void reconcile(Map<String, String> members, Recipients recipients) {
        if (subscribers.isEmpty()) {
            return;
        }
        for (String userId : List.copyOf(told.keySet())) {
            if (!members.containsKey(userId)) {
                memberRemoved(userId, recipients);
            }
        }
        members.forEach((userId, info) -> memberAdded(userId, info, null, recipients));
    }

    /** Queues a frame for every subscriber but {@code cause}. */
    void tellOthers(String frame, LocalSocket cause, Recipients recipients) {
        for (LocalSocket other : subscribers) {
            if (other != cause) {
                recipients.offer(other, frame);
            }
        }
    }

    /** How many connections here the cluster counts (a joining one's join was sent), and this instance's members. */
    int heldConnections() {
        return subscribers.size() + joining.size();
    }

    Map<String, MessageSink.Member> localMembers() {
        return localMembers.counts();
    }

    /** Whether nothing here refers to the channel any more, so that it can be forgotten. */
    boolean isUnused() {
        return subscribers.isEmpty() && joining.isEmpty() && localMembers.isEmpty();
    }
}
