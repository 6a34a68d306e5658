package io.herald.internal.local;

import io.herald.internal.cluster.MessageSink;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One channel as this instance holds it: its subscribers here, the connections still joining it (a presence join
 * waits for the cluster's answer), the presence members connected here, and the channel's members as this
 * instance's subscribers know them. Changed only under the registry's lock for the channel; subscribers are read
 * by deliveries without it.
 */
final class LocalChannel {
    private final String name;
    private final Set<LocalSocket> subscribers = ConcurrentHashMap.newKeySet();
    private final Set<LocalSocket> joining = new HashSet<>();
    private final Map<String, MessageSink.Member> localMembers = new HashMap<>();
    private final Map<String, String> members = new LinkedHashMap<>();

    LocalChannel(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Set<LocalSocket> subscribers() {
        return subscribers;
    }

    /** Connections whose presence join the cluster has not confirmed yet. */
    Set<LocalSocket> joining() {
        return joining;
    }

    /** The channel's members (id to info JSON) as this instance's subscribers were told, in the order they learnt them. */
    Map<String, String> members() {
        return members;
    }

    /** Counts one more connection here as {@code userId}. */
    void addLocalMember(String userId, String infoJson) {
        MessageSink.Member member = localMembers.get(userId);
        localMembers.put(userId, new MessageSink.Member(member == null ? 1 : member.connections() + 1,
                member == null ? infoJson : member.infoJson()));
    }

    /** Counts one connection fewer here as {@code userId}. */
    void removeLocalMember(String userId) {
        MessageSink.Member member = localMembers.get(userId);
        if (member == null) {
            return;
        }
        if (member.connections() <= 1) {
            localMembers.remove(userId);
        } else {
            localMembers.put(userId, new MessageSink.Member(member.connections() - 1, member.infoJson()));
        }
    }

    Map<String, MessageSink.Member> localMembers() {
        return Map.copyOf(localMembers);
    }

    /** Whether nothing here refers to the channel any more, so that the registry can forget it. */
    boolean isUnused() {
        return subscribers.isEmpty() && joining.isEmpty() && localMembers.isEmpty();
    }
}
