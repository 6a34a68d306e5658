package io.herald.internal.local;

import java.time.Duration;

/**
 * What a {@code local} app allows on one channel: the connection's settings, or those its {@link ChannelNamespaces
 * namespace} sets.
 *
 * <pre>{@code
 * ChannelOptions chat = settings.channel("presence-chat.42");
 * chat.maxPresenceMembers();   // 500 in namespace chat, the connection's max-presence-members elsewhere
 * }</pre>
 *
 * @param clientEvents {@code client-events}: relay {@code client-*} events on it
 * @param maxPresenceMembers {@code max-presence-members}: distinct members of a presence channel
 * @param cacheLifetime {@code cache-ttl-seconds}: how long a cache channel keeps its last event
 * @param maxSubscribers {@code max-subscribers}: subscriptions to it over the cluster (0: no limit)
 */
record ChannelOptions(boolean clientEvents, int maxPresenceMembers, Duration cacheLifetime, int maxSubscribers) {
}
