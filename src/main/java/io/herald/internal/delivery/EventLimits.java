package io.herald.internal.delivery;

import io.herald.internal.HeraldMessages;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.OutboundEvent;
import java.nio.charset.StandardCharsets;

/** Pusher's limits on one event, checked before any driver sees it so that every driver behaves alike. */
final class EventLimits {
    private EventLimits() {
    }

    static void check(OutboundEvent event) {
        String name = event.name();
        String problem = PusherProtocol.eventNameProblem(name);
        if (problem != null) {
            throw HeraldMessages.invalidEventName(name.length() > 40 ? name.substring(0, 40) + "..." : name, problem);
        }
        int bytes = event.data().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > PusherProtocol.MAX_DATA_BYTES) {
            throw HeraldMessages.payloadTooLarge(name, bytes, PusherProtocol.MAX_DATA_BYTES);
        }
    }
}
