/**
 * What happens on the {@code local} server's channels, as CDI events qualified {@link io.herald.events.OnConnection}:
 * channels occupied and vacated, presence members added and removed, client events, cache misses, subscription
 * counts, whether they happened on this instance, another of the cluster, or reached the application as Pusher
 * webhooks.
 *
 * <pre>{@code
 * void joined(@Observes @OnConnection("local") MemberAdded added) {
 *     log.info(added.userId() + " joined " + added.channel());
 * }
 * }</pre>
 */
package io.herald.events;
