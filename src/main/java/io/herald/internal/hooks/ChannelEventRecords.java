package io.herald.internal.hooks;

import io.herald.events.CacheMiss;
import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.ChannelVacated;
import io.herald.events.ClientEventReceived;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.events.SubscriptionCountChanged;
import io.herald.internal.cluster.ChannelFacts;
import java.time.Clock;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Turns a {@code local} connection's {@link ChannelFacts} into the public {@link ChannelEvent} records, stamped with
 * the connection and the time, for whoever takes them (the observers' publisher, the webhook sender).
 *
 * <pre>{@code
 * ChannelFacts facts = new ChannelEventRecords("local", Clock.systemUTC(), publisher::publish);
 * facts.occupied("news");   // publisher.publish(new ChannelOccupied("local", "news", now))
 * }</pre>
 */
public final class ChannelEventRecords implements ChannelFacts {
    private final String connection;
    private final Clock clock;
    private final Consumer<ChannelEvent> target;

    public ChannelEventRecords(String connection, Clock clock, Consumer<ChannelEvent> target) {
        this.connection = connection;
        this.clock = clock;
        this.target = target;
    }

    @Override
    public void occupied(String channel) {
        target.accept(new ChannelOccupied(connection, channel, clock.instant()));
    }

    @Override
    public void vacated(String channel) {
        target.accept(new ChannelVacated(connection, channel, clock.instant()));
    }

    @Override
    public void memberAdded(String channel, String userId) {
        target.accept(new MemberAdded(connection, channel, userId, clock.instant()));
    }

    @Override
    public void memberRemoved(String channel, String userId) {
        target.accept(new MemberRemoved(connection, channel, userId, clock.instant()));
    }

    @Override
    public void clientEvent(String channel, String event, String data, String socketId, String userId) {
        target.accept(new ClientEventReceived(connection, channel, event, data, socketId, Optional.ofNullable(userId),
                clock.instant()));
    }

    @Override
    public void cacheMiss(String channel) {
        target.accept(new CacheMiss(connection, channel, clock.instant()));
    }

    @Override
    public void subscriptionCount(String channel, int count) {
        target.accept(new SubscriptionCountChanged(connection, channel, count, clock.instant()));
    }
}
