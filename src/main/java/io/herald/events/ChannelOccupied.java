package io.herald.events;

import java.time.Instant;

/**
 * A channel gained its first subscriber (webhook {@code channel_occupied}).
 *
 * <pre>{@code
 * void on(@Observes ChannelOccupied occupied) {
 *     log.info(occupied.channel() + " at " + occupied.time());
 * }
 * }</pre>
 */
public record ChannelOccupied(String connection, String channel, Instant time) implements ChannelEvent {
}
