package io.herald.internal.protocol;

import io.herald.internal.Excerpt;
import io.herald.internal.HeraldMessages;
import io.herald.spi.OutboundEvent;
import java.nio.charset.StandardCharsets;

/**
 * Pusher's limits on one event an application sends, checked before any driver sees it so that every driver behaves
 * alike.
 *
 * <pre>{@code
 * EventLimits.check(new OutboundEvent(List.of("news"), "pusher:error", "{}", null));   // HERALD-0008: reserved
 * }</pre>
 */
public final class EventLimits {
    private EventLimits() {
    }

    /**
     * Checks the name and the size of the data.
     *
     * @throws IllegalArgumentException naming the limit the event is over
     */
    public static void check(OutboundEvent event) {
        String name = event.name();
        String problem = PusherProtocol.eventNameProblem(name);
        if (problem != null) {
            throw HeraldMessages.invalidEventName(Excerpt.of(name), problem);
        }
        int bytes = event.data().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PusherProtocol.MAX_DATA_BYTES) {
            throw HeraldMessages.payloadTooLarge(name, bytes, PusherProtocol.MAX_DATA_BYTES);
        }
    }
}
