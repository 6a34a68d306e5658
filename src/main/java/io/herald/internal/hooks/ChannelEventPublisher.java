package io.herald.internal.hooks;

import io.herald.events.ChannelEvent;
import io.herald.events.OnConnection;
import io.herald.internal.HeraldLog;
import io.herald.internal.background.Background;
import io.herald.internal.background.Ticker;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Hands one connection's {@link ChannelEvent}s to the application's observers, qualified
 * {@code @OnConnection(<connection>)}: on a thread of its own, one after another in the order they happened, so that
 * observers never run on a WebSocket thread or under the server's locks, and a slow one never delays delivery. An
 * observer that throws is logged (HERALD-0217); an event that finds the bounded queue full is logged (HERALD-0218).
 * With a grace period ({@code channel-events.grace-ms}, off by default) leaves wait as Pusher's webhooks do
 * ({@link GracePeriod}), so a page reload is neither a leave nor a return.
 *
 * <pre>{@code
 * ChannelEventPublisher publisher = new ChannelEventPublisher("local", events, 10_000, Duration.ZERO,
 *         Background.system());
 * publisher.publish(new ChannelOccupied("local", "prices.ACME", now));   // observers run soon after, elsewhere
 * }</pre>
 */
public final class ChannelEventPublisher implements AutoCloseable {
    private final Event<ChannelEvent> events;
    private final ExecutorService observers;
    private final Duration gracePeriod;
    private final GracePeriod grace;   // used on the observers' thread only
    private final ScheduledExecutorService timer;
    private final Ticker ticker;

    public ChannelEventPublisher(String connection, Event<ChannelEvent> events, int queueCapacity, Duration gracePeriod,
            Background background) {
        this.events = events.select(OnConnection.Literal.of(connection));
        this.observers = new ThreadPoolExecutor(1, 1, 0, TimeUnit.MILLISECONDS, new LinkedBlockingQueue<>(queueCapacity),
                background.named("herald-channel-events-" + connection),
                (rejected, executor) -> HeraldLog.channelEventDropped(connection, queueCapacity));
        this.gracePeriod = gracePeriod;
        this.grace = new GracePeriod(gracePeriod);
        this.timer = gracePeriod.isZero() ? null : background.scheduler("herald-channel-events-grace-" + connection);
        this.ticker = background.ticker();
    }

    /** Hands an event to the observers, synchronous ones first, then the asynchronous ones. */
    public void publish(ChannelEvent event) {
        observers.execute(() -> {
            List<ChannelEvent> now = grace.accept(event, ticker.nanos());
            now.forEach(this::fire);
            if (timer != null && now.isEmpty()) {
                timer.schedule(() -> observers.execute(() -> grace.due(ticker.nanos()).forEach(this::fire)),
                        gracePeriod.toNanos(), TimeUnit.NANOSECONDS);
            }
        });
    }

    private void fire(ChannelEvent event) {
        try {
            events.fire(event);
        } catch (RuntimeException e) {
            HeraldLog.channelEventObserverFailed(event.getClass().getSimpleName(), event.channel(), e);
        }
        events.fireAsync(event).exceptionally(failure -> {
            HeraldLog.channelEventObserverFailed(event.getClass().getSimpleName(), event.channel(), failure);
            return null;
        });
    }

    /** Stops taking events; those queued are still handed over, and the leaves held for their grace period too. */
    @Override
    public void close() {
        if (timer != null) {
            timer.shutdownNow();
            observers.execute(() -> grace.drain().forEach(this::fire));
        }
        observers.shutdown();
    }
}
