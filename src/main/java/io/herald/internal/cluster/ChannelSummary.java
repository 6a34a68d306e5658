package io.herald.internal.cluster;

/**
 * One occupied channel as the REST API reports it, over the whole cluster.
 *
 * @param subscriptionCount connections subscribed, on every instance
 * @param userCount distinct members of a presence channel (0 for other channels)
 */
public record ChannelSummary(String name, int subscriptionCount, int userCount) {
}
