package io.herald.events;

import java.time.Instant;

/**
 * A subscriber joined a cache channel that had nothing cached (webhook {@code cache_miss}).
 *
 * <pre>{@code
 * void on(@Observes CacheMiss missed) {
 *     log.info(missed.channel() + " at " + missed.time());
 * }
 * }</pre>
 */
public record CacheMiss(String connection, String channel, Instant time) implements ChannelEvent {
}
