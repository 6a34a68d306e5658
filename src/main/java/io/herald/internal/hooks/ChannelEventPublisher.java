package io.herald.internal.hooks;

import io.herald.CacheMiss;
import io.herald.ChannelEvent;
import io.herald.ChannelOccupied;
import io.herald.ChannelVacated;
import io.herald.ClientEventReceived;
import io.herald.MemberAdded;
import io.herald.MemberRemoved;
import io.herald.OnConnection;
import io.herald.SubscriptionCountChanged;
import io.herald.internal.HeraldLog;
import io.herald.internal.cluster.ChannelFacts;
import jakarta.enterprise.event.Event;
import java.time.Clock;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Turns one connection's {@link ChannelFacts} into {@link ChannelEvent}s for the application's observers, qualified
 * {@code @OnConnection(<connection>)}: on a thread of its own, one after another in the order they happened, so that
 * observers never run on a WebSocket thread or under the server's locks, and a slow one never delays delivery. An
 * observer that throws is logged (HERALD-0217); an event that finds the bounded queue full is logged (HERALD-0218).
 *
 * <pre>{@code
 * ChannelFacts facts = new ChannelEventPublisher("local", events, Clock.systemUTC(), 10_000);
 * facts.occupied("prices.ACME");     // observers of ChannelOccupied run soon after, on another thread
 * }</pre>
 */
public final class ChannelEventPublisher implements ChannelFacts, AutoCloseable {
    private final String connection;
    private final Event<ChannelEvent> events;
    private final Clock clock;
    private final ExecutorService observers;

    public ChannelEventPublisher(String connection, Event<ChannelEvent> events, Clock clock, int queueCapacity) {
        this.connection = connection;
        this.events = events.select(OnConnection.Literal.of(connection));
        this.clock = clock;
        this.observers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queueCapacity),
                runnable -> {
                    Thread thread = new Thread(runnable, "herald-channel-events-" + connection);
                    thread.setDaemon(true);
                    return thread;
                }, (rejected, executor) -> HeraldLog.channelEventDropped(connection, queueCapacity));
    }

    @Override
    public void occupied(String channel) {
        publish(new ChannelOccupied(connection, channel, clock.instant()));
    }

    @Override
    public void vacated(String channel) {
        publish(new ChannelVacated(connection, channel, clock.instant()));
    }

    @Override
    public void memberAdded(String channel, String userId) {
        publish(new MemberAdded(connection, channel, userId, clock.instant()));
    }

    @Override
    public void memberRemoved(String channel, String userId) {
        publish(new MemberRemoved(connection, channel, userId, clock.instant()));
    }

    @Override
    public void clientEvent(String channel, String event, String data, String socketId, String userId) {
        publish(new ClientEventReceived(connection, channel, event, data, socketId, Optional.ofNullable(userId),
                clock.instant()));
    }

    @Override
    public void cacheMiss(String channel) {
        publish(new CacheMiss(connection, channel, clock.instant()));
    }

    @Override
    public void subscriptionCount(String channel, int count) {
        publish(new SubscriptionCountChanged(connection, channel, count, clock.instant()));
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
