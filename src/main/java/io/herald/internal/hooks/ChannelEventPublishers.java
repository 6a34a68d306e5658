package io.herald.internal.hooks;

import io.herald.internal.background.Background;
import io.herald.events.ChannelEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import io.herald.spi.ConnectionConfig;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One {@link ChannelEventPublisher} per connection, shared by the {@code local} server and the webhook endpoint, so
 * that a connection's events reach observers in one order whichever way they came; stopped with the application.
 *
 * <pre>{@code
 * publishers.forConnection("pusher").publish(new ChannelOccupied("pusher", "news", now));
 * }</pre>
 */
@ApplicationScoped
public class ChannelEventPublishers {
    private static final int QUEUE_CAPACITY = 10_000;

    private final Map<String, ChannelEventPublisher> publishers = new ConcurrentHashMap<>();

    @Inject
    Event<ChannelEvent> events;

    /** The connection's publisher; made without a grace period unless the connection's driver made it first. */
    public ChannelEventPublisher forConnection(String connection) {
        return forConnection(connection, Duration.ZERO);
    }

    /** The connection's publisher, made (by a {@code local} connection at startup) with its grace period. */
    public ChannelEventPublisher forConnection(String connection, Duration gracePeriod) {
        return publishers.computeIfAbsent(connection,
                name -> new ChannelEventPublisher(name, events, QUEUE_CAPACITY, gracePeriod, Background.system()));
    }

    /**
     * {@code channel-events.grace-ms} of a {@code local} connection: how long its CDI channel events hold a leave, as
     * Pusher's webhooks do (0, the default: every change at once).
     */
    public static Duration gracePeriod(ConnectionConfig config) {
        return Duration.ofMillis(config.getInt("channel-events.grace-ms", 0, 0, 60_000));
    }

    @PreDestroy
    void stop() {
        List.copyOf(publishers.values()).forEach(ChannelEventPublisher::close);
    }
}
