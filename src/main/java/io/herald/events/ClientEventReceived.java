package io.herald.events;

import java.time.Instant;
import java.util.Optional;

/**
 * A browser sent a {@code client-} event on a private or presence channel (webhook {@code client_event}).
 *
 * <pre>{@code
 * void on(@Observes ClientEventReceived typed) {
 *     if (typed.event().equals("client-typing")) stats.count(typed.channel());
 * }
 * }</pre>
 *
 * @param event the event's name ({@code client-typing})
 * @param data its data, as the client sent it (JSON text)
 * @param socketId the sending connection
 * @param userId the sender's member id, on presence channels
 */
public record ClientEventReceived(String connection, String channel, String event, String data, String socketId,
        Optional<String> userId, Instant time) implements ChannelEvent {
}
