package io.herald.events;

import java.time.Instant;

/**
 * How many connections subscribe to a (non-presence) channel, after it changed (webhook {@code subscription_count}).
 *
 * <pre>{@code
 * void on(@Observes SubscriptionCountChanged changed) {
 *     viewers.put(changed.channel(), changed.subscriptionCount());
 * }
 * }</pre>
 */
public record SubscriptionCountChanged(String connection, String channel, int subscriptionCount, Instant time)
        implements ChannelEvent {
}
