package io.herald.events;

import java.time.Instant;

/**
 * A user became a member of a presence channel: their first connection joined (webhook {@code member_added}).
 *
 * <pre>{@code
 * void on(@Observes MemberAdded added) {
 *     presenceLog.joined(added.userId(), added.channel());
 * }
 * }</pre>
 */
public record MemberAdded(String connection, String channel, String userId, Instant time) implements ChannelEvent {
}
