package io.herald.internal.cluster;

import io.herald.internal.protocol.PusherProtocol;

/**
 * What happens on a {@code local} app's channels, reported once for the whole app after the change and outside any
 * lock: by the registry on a single instance, by {@link RedisFanout} in a cluster (the instance that caused a change
 * reports it). Herald turns the reports into CDI events and webhooks.
 *
 * <pre>{@code
 * ChannelFacts facts = new ChannelFacts() {
 *     public void occupied(String channel) { feeds.start(channel); }
 * };
 * }</pre>
 */
public interface ChannelFacts {
    /** Reports nothing. */
    ChannelFacts NONE = new ChannelFacts() {
    };

    /**
     * {@code facts} without the channels that are Herald's own ({@code #...}, such as who is online, and the
     * console's feed), which are no application's business.
     */
    static ChannelFacts withoutServerChannels(ChannelFacts facts) {
        return new ChannelFacts() {
            @Override
            public void occupied(String channel) {
                if (!PusherProtocol.isHeraldsOwn(channel)) {
                    facts.occupied(channel);
                }
            }

            @Override
            public void vacated(String channel) {
                if (!PusherProtocol.isHeraldsOwn(channel)) {
                    facts.vacated(channel);
                }
            }

            @Override
            public void memberAdded(String channel, String userId) {
                if (!PusherProtocol.isHeraldsOwn(channel)) {
                    facts.memberAdded(channel, userId);
                }
            }

            @Override
            public void memberRemoved(String channel, String userId) {
                if (!PusherProtocol.isHeraldsOwn(channel)) {
                    facts.memberRemoved(channel, userId);
                }
            }

            @Override
            public void clientEvent(String channel, String event, String data, String socketId, String userId) {
                facts.clientEvent(channel, event, data, socketId, userId);
            }

            @Override
            public void cacheMiss(String channel) {
                facts.cacheMiss(channel);
            }

            @Override
            public void subscriptionCount(String channel, int count) {
                if (!PusherProtocol.isHeraldsOwn(channel)) {
                    facts.subscriptionCount(channel, count);
                }
            }
        };
    }

    /** The channel's first subscriber joined. */
    default void occupied(String channel) {
    }

    /** The channel's last subscriber left. */
    default void vacated(String channel) {
    }

    /** A user's first connection joined the presence channel. */
    default void memberAdded(String channel, String userId) {
    }

    /** A user's last connection left the presence channel. */
    default void memberRemoved(String channel, String userId) {
    }

    /** A client sent a {@code client-} event; {@code userId} is null outside presence channels. */
    default void clientEvent(String channel, String event, String data, String socketId, String userId) {
    }

    /** A subscriber joined a cache channel with nothing cached. */
    default void cacheMiss(String channel) {
    }

    /** A non-presence channel's subscriptions changed to {@code count}. */
    default void subscriptionCount(String channel, int count) {
    }
}
