package io.herald.internal.cluster;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Fanout} hands to an instance's channel registry, in the order the cluster agreed on: the registry turns
 * each into frames for its own connections.
 *
 * <pre>{@code
 * sink.receive(new ClusterMessage.Published(List.of("orders"), "OrderShipped", "{\"id\":1}", null, null));
 * }</pre>
 */
public sealed interface ClusterMessage {

    /**
     * An event for every subscriber of {@code channels} (a {@code #server-to-user-} channel reaches that user's
     * connections) except the connection {@code excludedSocketId}.
     *
     * @param presenceUserId the sender's member id, for client events on presence channels ({@code user_id}), or null
     */
    record Published(List<String> channels, String name, String data, String excludedSocketId, String presenceUserId)
            implements ClusterMessage {
        public Published {
            channels = List.copyOf(channels);
        }

        /** The same event on {@code channel} alone. */
        public Published on(String channel) {
            return channels.size() == 1 && channels.get(0).equals(channel) ? this
                    : new Published(List.of(channel), name, data, excludedSocketId, presenceUserId);
        }
    }

    /**
     * A connection joined a presence channel.
     *
     * @param socketId the joining connection when it is on this instance (it gets {@code members} with
     *                 {@code subscription_succeeded}), else null
     * @param newMember whether the user was not a member anywhere before ({@code member_added} goes out)
     * @param members the channel's members (id to info JSON) including this one, as of this message
     */
    record MemberJoined(String channel, String socketId, String userId, String infoJson, boolean newMember,
            Map<String, String> members) implements ClusterMessage {
        public MemberJoined {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }

    /** A user's last connection anywhere left a presence channel ({@code member_removed} goes out). */
    record MemberLeft(String channel, String userId) implements ClusterMessage {
    }

    /** The app asked to close every connection of a user ({@code terminate_connections}). */
    record Terminate(String userId) implements ClusterMessage {
    }

    /**
     * The members of a presence channel as the cluster holds them now, for an instance whose view may have missed
     * changes (while Redis was unreachable): the registry tells its subscribers the difference.
     */
    record Snapshot(String channel, Map<String, String> members) implements ClusterMessage {
        public Snapshot {
            members = Collections.unmodifiableMap(new LinkedHashMap<>(members));
        }
    }
}
