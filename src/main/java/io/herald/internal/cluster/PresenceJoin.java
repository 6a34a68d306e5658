package io.herald.internal.cluster;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * A connection asking to be counted as a member of a presence channel: which connection, as whom, how many members
 * the channel may have, and which of its members the connection is told about when it joins.
 *
 * <p>Two kinds exist: a client's subscription to a {@code presence-} channel ({@link #subscription}: bounded by
 * {@code max-presence-members}, told every member) and a signed-in user coming online on Herald's own channel of
 * signed-in users ({@link #online}: unbounded, told only the users on its watchlist).
 *
 * <pre>{@code
 * fanout.joinPresence(PresenceJoin.subscription("presence-room", socketId, "ada", "{}", 100));
 * fanout.joinPresence(PresenceJoin.online("#online", socketId, "ada", List.of("bob")));
 * }</pre>
 *
 * @param maxMembers how many members the channel may have; empty: any number
 * @param watchlist the only members reported to the joining connection; empty: all of them
 */
public record PresenceJoin(String channel, String socketId, String userId, String infoJson, OptionalInt maxMembers,
        Optional<List<String>> watchlist) {

    public PresenceJoin {
        watchlist = watchlist.map(List::copyOf);
    }

    /** A client subscribing to a presence channel. */
    public static PresenceJoin subscription(String channel, String socketId, String userId, String infoJson,
            int maxMembers) {
        return new PresenceJoin(channel, socketId, userId, infoJson, OptionalInt.of(maxMembers), Optional.empty());
    }

    /** A signed-in user's connection joining the channel of everyone online, told only who of its watchlist is. */
    public static PresenceJoin online(String channel, String socketId, String userId, List<String> watchlist) {
        return new PresenceJoin(channel, socketId, userId, "{}", OptionalInt.empty(), Optional.of(watchlist));
    }

    /** Whether the channel's current members leave room for this join. */
    public boolean fits(MemberCounts members) {
        return maxMembers.isEmpty() || members.admits(userId, maxMembers.getAsInt());
    }

    /** What the joining connection is told of {@code members} (id to info JSON). */
    public Map<String, String> reported(Map<String, String> members) {
        if (watchlist.isEmpty()) {
            return members;
        }
        Map<String, String> reported = new LinkedHashMap<>();
        members.forEach((userId, info) -> {
            if (watchlist.get().contains(userId)) {
                reported.put(userId, info);
            }
        });
        return reported;
    }
}
