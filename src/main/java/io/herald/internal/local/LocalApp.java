package io.herald.internal.local;

import io.herald.internal.background.Background;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.cluster.Fanout;
import io.herald.internal.cluster.RedisFanout;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.OutboundEvent;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;

/**
 * One app of the built-in Pusher server, put together: its settings, its {@link ChannelRegistry} (this instance's
 * connections and channels), its {@link ProtocolHandler} (client frames) and its {@link Fanout} (in this process, or
 * across a cluster). The WebSocket endpoint, the REST API and the driver reach the app through here.
 */
final class LocalApp {
    private final LocalSettings settings;
    private final LocalServerMetrics metrics;
    private final ChannelRegistry registry;
    private final Fanout fanout;
    private final ProtocolHandler protocol;
    private volatile boolean shutDown;

    /**
     * @param reported where what happens on channels is reported, once for the app (by its fan-out: this instance's
     *              alone, or the cluster's)
     * @param cluster how the app scales: over Redis, or (empty) not at all
     * @param background the time and threads of its background work
     */
    LocalApp(LocalSettings settings, LocalServerMetrics metrics, ChannelFacts reported,
            Optional<ClusterSettings> cluster, Background background) {
        this(settings, metrics, reported, cluster, background, PublicSubscriptions.ANYONE);
    }

    /** @param publicSubscriptions who may subscribe to a public channel */
    LocalApp(LocalSettings settings, LocalServerMetrics metrics, ChannelFacts reported,
            Optional<ClusterSettings> cluster, Background background, PublicSubscriptions publicSubscriptions) {
        ChannelFacts facts = ChannelFacts.withoutServerChannels(reported);
        this.settings = settings;
        this.metrics = metrics;
        this.registry = new ChannelRegistry(facts);
        this.fanout = cluster.<Fanout>map(redis -> new RedisFanout(redis, facts, background, cacheLifetime(settings)))
                .orElseGet(() -> new InProcessFanout(facts, background.clock(), cacheLifetime(settings)));
        registry.attach(fanout);
        this.protocol = new ProtocolHandler(settings, metrics, registry, fanout, facts, background.ticker(),
                publicSubscriptions);
        metrics.connections(registry::connections);
        fanout.start(registry);
    }

    private static Function<String, Duration> cacheLifetime(LocalSettings settings) {
        return channel -> settings.channel(channel).cacheLifetime();
    }

    /** Where events published into this app are counted. */
    LocalServerMetrics metrics() {
        return metrics;
    }

    /** This instance's WebSocket connections. */
    int connections() {
        return registry.connections();
    }

    LocalSettings settings() {
        return settings;
    }

    Fanout fanout() {
        return fanout;
    }

    /** A new connection, greeted with its socket id; empty (and refused with 4004) over the connection quota. */
    Optional<LocalSocket> open(FrameSink outbox) {
        return open(outbox, "");
    }

    /** A new connection from a page of {@code origin} ("" when the client sent none). */
    Optional<LocalSocket> open(FrameSink outbox, String origin) {
        if (registry.connections() >= settings.maxConnections()) {
            LocalSocket refused = new LocalSocket("0.0", outbox, 2, 0);
            refused.sendAndClose(Frames.error(PusherProtocol.OVER_CONNECTION_QUOTA, "Over the connection quota"),
                    PusherProtocol.OVER_CONNECTION_QUOTA, "Over quota");
            return Optional.empty();
        }
        LocalSocket socket;
        do {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            socket = new LocalSocket(random.nextLong(1, 10_000_000_000L) + "." + random.nextLong(1, 10_000_000_000L),
                    outbox, settings.maxPendingFrames(), settings.maxMessageBytes(), origin);
        } while (!registry.add(socket));
        socket.send(Frames.connectionEstablished(socket.socketId(), settings.activityTimeoutSeconds()));
        return Optional.of(socket);
    }

    /** Counts a WebSocket handshake refused for its origin (logged once per origin at DEBUG by the caller). */
    void refusedOrigin(String origin) {
        metrics.refused("origin");
    }

    /** The next part of a client's message. */
    void receive(LocalSocket socket, String part, boolean last) {
        protocol.receive(socket, part, last);
    }

    /** One whole message from a client. */
    void receive(LocalSocket socket, String text) {
        protocol.receive(socket, text);
    }

    /** Forgets a closed connection: its subscriptions (presence members leave) and its sign-in. */
    void closed(LocalSocket socket) {
        registry.remove(socket);
    }

    /**
     * Delivers an event to every subscriber of its channels, on every instance, but the excluded connection.
     *
     * @throws io.herald.internal.cluster.ClusterUnavailable when it could not reach the cluster
     */
    void publish(OutboundEvent event) {
        fanout.publish(new ClusterMessage.Published(event.channels(), event.name(), event.data(), event.socketId(),
                null));
    }

    /** Closes every connection signed in as {@code userId}, on every instance. */
    void terminate(String userId) {
        fanout.terminate(userId);
    }

    /** Occupied channels whose name starts with {@code prefix}, over the cluster, sorted by name. */
    List<ChannelSummary> occupied(String prefix) {
        return fanout.channels(prefix).stream().filter(summary -> !PusherProtocol.isHeraldsOwn(summary.name()))
                .toList();
    }

    Optional<ChannelSummary> channel(String name) {
        return PusherProtocol.isServerChannel(name) ? Optional.empty() : fanout.channel(name);
    }

    List<String> users(String channel) {
        return fanout.users(channel);
    }

    /**
     * Leaves the cluster (its members elsewhere see this instance's members go), then closes every connection with
     * 4200, Pusher's "reconnect now", so that clients come back to the instance that replaces this one.
     */
    void shutdown() {
        shutDown = true;
        fanout.close();
        registry.closeAll();
    }

    /** Leaves the cluster, and returns the connections, still open, for the application that replaces this one. */
    List<LocalSocket> shutdownKeepingConnections() {
        shutDown = true;
        fanout.close();
        return registry.all();
    }

    /** Whether this app was shut down: a connection it still holds is one the container kept across a reload. */
    boolean isShutDown() {
        return shutDown;
    }
}
