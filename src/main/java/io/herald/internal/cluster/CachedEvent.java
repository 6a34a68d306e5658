package io.herald.internal.cluster;

/**
 * The last event published on a cache channel, kept for the channel's {@code cache-ttl-seconds} (Pusher's
 * {@link io.herald.internal.protocol.PusherProtocol#CACHE_TTL} by default) and sent to each new subscriber right after
 * {@code pusher:subscription_succeeded}.
 *
 * @param name the event's name
 * @param data its data, as subscribers receive it
 */
public record CachedEvent(String name, String data) {
}
