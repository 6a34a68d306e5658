package io.herald.internal.local;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** One occupied channel: its subscribers and, on a presence channel, its distinct members. */
final class LocalChannel {
    private final String name;
    private final Set<LocalSocket> subscribers = ConcurrentHashMap.newKeySet();
    private final Map<String, Member> members = new LinkedHashMap<>();

    /** A presence member: their info (JSON text) and how many of their sockets are subscribed. */
    record Member(String infoJson, int sockets) {
    }

    LocalChannel(String name) {
        this.name = name;
    }

    String name() {
        return name;
    }

    Set<LocalSocket> subscribers() {
        return subscribers;
    }

    /** The members, in joining order; a copy taken under the channel's lock. */
    synchronized Map<String, Member> members() {
        return new LinkedHashMap<>(members);
    }

    synchronized int memberCount() {
        return members.size();
    }

    /** Adds a socket as {@code userId}; true when that user was not a member before. */
    synchronized boolean join(String userId, String infoJson) {
        Member member = members.get(userId);
        members.put(userId, new Member(member == null ? infoJson : member.infoJson(), member == null ? 1 : member.sockets() + 1));
        return member == null;
    }

    /** Removes one socket of {@code userId}; true when it was that user's last. */
    synchronized boolean leave(String userId) {
        Member member = members.get(userId);
        if (member == null) {
            return false;
        }
        if (member.sockets() <= 1) {
            members.remove(userId);
            return true;
        }
        members.put(userId, new Member(member.infoJson(), member.sockets() - 1));
        return false;
    }

    synchronized boolean hasMember(String userId) {
        return members.containsKey(userId);
    }
}
