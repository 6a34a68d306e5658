package io.herald.internal.hooks;

import io.herald.events.ChannelEvent;
import io.herald.events.OnConnection;
import io.herald.internal.HeraldLog;
import io.herald.internal.background.Background;
import jakarta.enterprise.event.Event;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands one connection's {@link ChannelEvent}s to the application's observers, qualified
 * {@code @OnConnection(<connection>)}: on a thread of its own, one after another in the order they happened, so that
 * observers never run on a WebSocket thread or under the server's locks, and a slow one never delays delivery. An
 * observer that throws is logged (HERALD-0217); an event that finds the bounded queue full is logged (HERALD-0218).
 *
 * <pre>{@code
 * ChannelEventPublisher publisher = new ChannelEventPublisher("local", events, 10_000, Background.system());
 * publisher.publish(new ChannelOccupied("local", "prices.ACME", now));   // observers run soon after, elsewhere
 * }</pre>
 */
public final class ChannelEventPublisher implements AutoCloseable {
    private final String connection;
    private final Event<ChannelEvent> events;
    private final ExecutorService observers;

    public ChannelEventPublisher(String connection, Event<ChannelEvent> events, int queueCapacity,
            Background background) {
        this.connection = connection;
        this.events = events.select(OnConnection.Literal.of(connection));
        this.observers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queueCapacity),
                background.named("herald-channel-events-" + connection),
                (rejected, executor) -> HeraldLog.channelEventDropped(connection, queueCapacity));
    }

    /** Hands an event to the observers, synchronous ones first, then the asynchronous ones. */
    public void publish(ChannelEvent event) {
        observers.execute(() -> {
            try {
                events.fire(event);
            } catch (RuntimeException e) {
                HeraldLog.channelEventObserverFailed(event.getClass().getSimpleName(), event.channel(), e);
            }
            events.fireAsync(event).exceptionally(failure -> {
                HeraldLog.channelEventObserverFailed(event.getClass().getSimpleName(), event.channel(), failure);
                return null;
            });
        });
    }

    /** Stops taking events; those queued are still handed over. */
    @Override
    public void close() {
        observers.shutdown();
    }
}
