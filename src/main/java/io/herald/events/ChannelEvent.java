package io.herald.events;

import java.time.Instant;

/**
 * Something that happened on a channel, as Pusher reports it in a webhook: fired as a CDI event by Herald's
 * {@code local} server, or by the webhook endpoint when Pusher (or any Pusher-compatible server) posts one. The same
 * observers work with either.
 *
 * <pre>{@code
 * void occupied(@Observes ChannelOccupied occupied) {
 *     if (occupied.channel().startsWith("prices.")) feeds.start(occupied.channel());
 * }
 * void joined(@Observes @OnConnection("local") MemberAdded added) { audit.record(added.userId(), added.channel()); }
 * }</pre>
 *
 * <p>Observers run neither on a WebSocket thread nor while the server holds a lock, one event after another per
 * connection and in the order they happened; one that throws is logged and changes nothing for clients.
 */
public sealed interface ChannelEvent
        permits ChannelOccupied, ChannelVacated, MemberAdded, MemberRemoved, ClientEventReceived, CacheMiss,
        SubscriptionCountChanged {

    /**
     * The connection ({@code broadcast.<connection>.*}) whose channel it is.
     *
     * @return the connection's name
     */
    String connection();

    /**
     * The channel's full name ({@code presence-room.1}).
     *
     * @return the channel's name
     */
    String channel();

    /**
     * When it happened (a webhook's {@code time_ms}).
     *
     * @return the time
     */
    Instant time();
}
