package io.herald.internal.hooks;

import io.herald.internal.background.Background;
import io.herald.events.ChannelEvent;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
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

    public ChannelEventPublisher forConnection(String connection) {
        return publishers.computeIfAbsent(connection,
                name -> new ChannelEventPublisher(name, events, QUEUE_CAPACITY, Background.system()));
    }

    @PreDestroy
    void stop() {
        List.copyOf(publishers.values()).forEach(ChannelEventPublisher::close);
    }
}
