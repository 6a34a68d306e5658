package io.herald.events;

import java.time.Instant;

/**
 * A channel lost its last subscriber (webhook {@code channel_vacated}).
 *
 * <pre>{@code
 * void on(@Observes ChannelVacated vacated) {
 *     log.info(vacated.channel() + " at " + vacated.time());
 * }
 * }</pre>
 */
public record ChannelVacated(String connection, String channel, Instant time) implements ChannelEvent {
}
