package io.herald.internal.delivery;

import io.herald.internal.HeraldMessages;
import io.herald.spi.OutboundEvent;
import java.nio.charset.StandardCharsets;

/** Pusher's limits on one event, checked before any driver sees it so that every driver behaves alike. */
final class EventLimits {
    static final int MAX_EVENT_NAME_LENGTH = 200;
    static final int MAX_DATA_BYTES = 10 * 1024;

    private EventLimits() {
    }

    static void check(OutboundEvent event) {
        String name = event.name();
        if (name.isBlank()) {
            throw HeraldMessages.invalidEventName(name, "it is blank");
        }
        if (name.length() > MAX_EVENT_NAME_LENGTH) {
            throw HeraldMessages.invalidEventName(name.substring(0, 40) + "...",
                    "it is " + name.length() + " characters; the limit is " + MAX_EVENT_NAME_LENGTH);
        }
        if (name.startsWith("pusher:") || name.startsWith("pusher_internal:")) {
            throw HeraldMessages.invalidEventName(name, "the pusher: and pusher_internal: prefixes are reserved");
        }
        int bytes = event.data().getBytes(StandardCharsets.UTF_8).length;
        if (bytes > MAX_DATA_BYTES) {
            throw HeraldMessages.payloadTooLarge(name, bytes, MAX_DATA_BYTES);
        }
    }
}
