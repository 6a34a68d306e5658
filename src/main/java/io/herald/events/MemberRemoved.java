package io.herald.events;

import java.time.Instant;

/**
 * A user stopped being a member of a presence channel: their last connection left (webhook {@code member_removed}).
 *
 * <pre>{@code
 * void on(@Observes MemberRemoved removed) {
 *     users.markOffline(removed.userId());
 * }
 * }</pre>
 */
public record MemberRemoved(String connection, String channel, String userId, Instant time) implements ChannelEvent {
}
