package io.herald.internal.cluster;

import java.util.Map;

/**
 * The instance side of a {@link Fanout}: its channel registry, which receives the cluster's messages one at a time and
 * in order, and tells the fan-out what this instance holds when the cluster needs it again (after Redis lost it).
 */
public interface MessageSink {

    /** Turns one message into frames for this instance's connections; never blocks on I/O. */
    void receive(ClusterMessage message);

    /** What this instance's connections hold now: presence channels for snapshots. */
    LocalHoldings holdings();

    /**
     * Hands what this instance holds to {@code register} while no change of it can be sent to the fan-out, so that
     * what {@code register} sends (before it returns) stands after every change sent before it and before every
     * change sent after: a re-registration then neither drops a member whose join is on its way nor counts a change
     * twice. Holdings include presence connections whose join was sent and is not confirmed yet.
     */
    <T> T whileHeld(java.util.function.Function<LocalHoldings, T> register);

    /**
     * This instance's share of the cluster's state.
     *
     * @param subscriptions per channel, how many of this instance's connections subscribe to it
     * @param presence per presence channel, per user id, that user's connections here and their info JSON
     */
    record LocalHoldings(Map<String, Integer> subscriptions, Map<String, Map<String, Member>> presence) {
        public LocalHoldings {
            subscriptions = Map.copyOf(subscriptions);
            presence = Map.copyOf(presence);
        }
    }

    /** A user's connections to one presence channel on this instance, and their info JSON. */
    record Member(int connections, String infoJson) {
    }
}
