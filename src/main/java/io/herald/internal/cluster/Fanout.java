package io.herald.internal.cluster;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * How one {@code local} app's events and channel changes reach every connection: within this process
 * ({@code InProcessFanout}, the default) or across the instances of a cluster ({@link RedisFanout}). It is the
 * sequencer: the order in which it hands {@link ClusterMessage}s to each instance's {@link MessageSink} is the order
 * every subscriber sees.
 *
 * <pre>{@code
 * fanout.start(registry);
 * fanout.publish(new ClusterMessage.Published(List.of("orders"), "OrderShipped", json, null, null));
 * }</pre>
 */
public interface Fanout extends AutoCloseable {

    /** Outcome of a presence subscription. */
    enum JoinOutcome {
        /** Accepted: a {@link ClusterMessage.MemberJoined} for the connection follows (or came already). */
        JOINED,
        /** The channel has {@code max-presence-members} other members. */
        FULL,
        /** The channel has its {@code max-subscribers} (the registry's answer: the fan-out was not asked). */
        SUBSCRIBERS_FULL
    }

    /** Starts handing the cluster's messages to {@code sink}. */
    void start(MessageSink sink);

    /**
     * Sends an event to its channels' subscribers everywhere, and keeps it as the last event of those that are cache
     * channels, for the cache lifetime the fan-out was made with.
     *
     * @throws ClusterUnavailable when it did not reach the cluster (nothing was delivered)
     */
    void publish(ClusterMessage.Published event);

    /** {@link #publish} without waiting, for the WebSocket I/O thread; the stage fails with {@link ClusterUnavailable}. */
    CompletionStage<Void> publishAsync(ClusterMessage.Published event);

    /**
     * Closes every connection of {@code userId}, on every instance.
     *
     * @throws ClusterUnavailable when it did not reach the cluster
     */
    void terminate(String userId);

    /**
     * A connection here is about to subscribe to {@code channel} (any kind): the stage completes once the channel's
     * events published from then on reach this instance, and only then may the connection be told it subscribed.
     * Each hold is ended by one {@link #release}. In a cluster, only the instances holding a channel receive its
     * events (routing by interest), and the stage completes at once while the cluster is unreachable (nothing is
     * delivered then anyway); in a process, at once.
     */
    CompletionStage<Void> hold(String channel);

    /** Ends one {@link #hold} of {@code channel}. */
    void release(String channel);

    /** One of this instance's connections subscribed to a public or private channel. */
    void subscribed(String channel);

    /** One of this instance's connections left a public or private channel. */
    void unsubscribed(String channel);

    /**
     * One of this instance's connections asks to join a presence channel: counted in the cluster unless the channel
     * is full; the stage fails with {@link ClusterUnavailable} when it could not be counted. Its
     * {@link ClusterMessage.MemberJoined} carries the members {@link PresenceJoin#reported} to the joining connection.
     */
    CompletionStage<JoinOutcome> joinPresence(PresenceJoin join);

    /** One of this instance's connections left a presence channel it had joined. */
    void leavePresence(String channel, String userId);

    /**
     * The last event published on a cache channel within its time to live, for a new subscriber (empty: a cache
     * miss); the stage fails with {@link ClusterUnavailable} when it cannot be read.
     */
    CompletionStage<Optional<CachedEvent>> lastEvent(String channel);

    /**
     * The subscriptions to {@code channel} (any kind) everywhere, for its {@code max-subscribers}; the stage fails with
     * {@link ClusterUnavailable} when they cannot be counted.
     */
    CompletionStage<Long> subscriptionCount(String channel);

    /** Occupied channels whose name starts with {@code prefix}, sorted by name. */
    List<ChannelSummary> channels(String prefix);

    /** The channel, if any connection anywhere subscribes to it. */
    Optional<ChannelSummary> channel(String name);

    /** The member ids of a presence channel, everywhere. */
    List<String> users(String channel);

    /** Whether it can deliver now (readiness). */
    boolean isReady();

    /**
     * Counts one more for {@code counter} in the second {@code epochSecond}, over the cluster, and returns the count
     * so far: the publishing limits of the REST API.
     *
     * @throws ClusterUnavailable when the cluster cannot be reached
     */
    long countInSecond(String counter, long epochSecond);

    /** Stops; this instance's share of the cluster's state is withdrawn. */
    @Override
    void close();
}
