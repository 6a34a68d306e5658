package io.herald.internal.local;

import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.PresenceJoin;
import java.util.List;

/**
 * Users' watchlists ({@code pusher_internal:watchlist_events}), kept on Herald's own presence channel of signed-in
 * users, {@link #ONLINE}: its members are who is online in the app (over the cluster where there is one), its
 * subscribers here are this instance's signed-in connections, and each is told when a user on its watchlist comes
 * online or goes offline.
 *
 * <pre>{@code
 * registry.joinPresence(socket, Watchlists.join(socket, "ada", List.of("bob")));
 * }</pre>
 */
final class Watchlists {
    /** The channel of signed-in users; no client can name it. */
    static final String ONLINE = "#online";

    private Watchlists() {
    }

    /** A connection's first sign-in counts its user as online; it is told which of {@code watchlist} are. */
    static PresenceJoin join(LocalSocket socket, String userId, List<String> watchlist) {
        return PresenceJoin.online(ONLINE, socket.socketId(), userId, watchlist);
    }

    /**
     * A user's connection came online anywhere: the joining connection (when it is here) learns who of its watchlist
     * is online, and, for the user's first connection, the connections here watching the user learn that they are.
     */
    static void cameOnline(LocalChannel online, LocalSocket joiner, ClusterMessage.MemberJoined joined,
            Recipients recipients) {
        if (joiner != null && online.confirm(joiner)) {
            List<String> watched = joined.members().keySet().stream().filter(joiner.watchlist()::contains).toList();
            if (!watched.isEmpty()) {
                recipients.offer(joiner, Frames.watchlist("online", watched));
            }
        }
        if (joined.newMember()) {
            tellWatchers(online, joined.userId(), Frames.watchlist("online", List.of(joined.userId())), recipients);
        }
    }

    /** A user's last connection anywhere left: the connections here watching them learn it. */
    static void wentOffline(LocalChannel online, String userId, Recipients recipients) {
        tellWatchers(online, userId, Frames.watchlist("offline", List.of(userId)), recipients);
    }

    private static void tellWatchers(LocalChannel online, String userId, String frame, Recipients recipients) {
        for (LocalSocket watcher : online.subscribers()) {
            if (watcher.watchlist().contains(userId)) {
                recipients.offer(watcher, frame);
            }
        }
    }
}
