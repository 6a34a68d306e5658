package io.herald.internal.cluster;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A presence channel's members, each with how many connections make them one: the one rule for who is a member,
 * applied to this instance's share of a channel ({@code LocalChannel}), to a single instance's whole channel
 * ({@code InProcessFanout}) and, in Lua, to the cluster's ({@code presence()} in {@link RedisScripts}; the
 * {@code MemberCountRuleTest} holds both to the same answers).
 *
 * <p>A user becomes a member with their first connection, whose info stands until they leave; stays one while any
 * connection remains; and leaves with their last. A leave of a user with no connection changes nothing. A full
 * channel refuses new users only: another connection of a member always fits. Not thread-safe: each channel's
 * counts change under that channel's lock.
 *
 * <pre>{@code
 * MemberCounts members = new MemberCounts();
 * members.join("ada", "{}");  // true: ada is new
 * members.join("ada", "{}");  // false: a second connection
 * members.leave("ada");       // false: one remains
 * members.leave("ada");       // true: ada left
 * }</pre>
 */
public final class MemberCounts {
    private final Map<String, MessageSink.Member> members = new LinkedHashMap<>();

    /** Counts one more connection of {@code userId}; true when that made them a member. */
    public boolean join(String userId, String infoJson) {
        MessageSink.Member member = members.get(userId);
        members.put(userId, member == null ? new MessageSink.Member(1, infoJson)
                : new MessageSink.Member(member.connections() + 1, member.infoJson()));
        return member == null;
    }

    /** Counts one connection fewer of {@code userId}; true when that was their last, so they left. */
    public boolean leave(String userId) {
        MessageSink.Member member = members.get(userId);
        if (member == null) {
            return false;
        }
        if (member.connections() > 1) {
            members.put(userId, new MessageSink.Member(member.connections() - 1, member.infoJson()));
            return false;
        }
        members.remove(userId);
        return true;
    }

    /** Whether {@code userId} is a member or, if not, there is room for one more under {@code maxMembers}. */
    public boolean admits(String userId, int maxMembers) {
        return members.containsKey(userId) || members.size() < maxMembers;
    }

    public boolean isEmpty() {
        return members.isEmpty();
    }

    public int size() {
        return members.size();
    }

    /** Each member's info JSON, in the order they joined. */
    public Map<String, String> infos() {
        Map<String, String> infos = new LinkedHashMap<>();
        members.forEach((userId, member) -> infos.put(userId, member.infoJson()));
        return infos;
    }

    /** Each member's connections and info, as a copy. */
    public Map<String, MessageSink.Member> counts() {
        return Map.copyOf(members);
    }
}
