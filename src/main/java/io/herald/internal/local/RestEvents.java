package io.herald.internal.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.herald.internal.protocol.Json;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads the bodies of Pusher's {@code POST /events} and {@code POST /batch_events} with Pusher's checks: a string
 * {@code data} of at most 10 KB (else 413), 1 to 100 channels ({@code channel} or {@code channels}), at most 10
 * events a batch, event names of at most 200 characters outside the reserved {@code pusher:} and
 * {@code pusher_internal:}, well-formed channel names and socket ids (else 400).
 *
 * <pre>{@code
 * try {
 *     app.publish(RestEvents.event(body));
 * } catch (RestEvents.Refused refused) {
 *     return Response.status(refused.status()).entity(refused.getMessage()).build();
 * }
 * }</pre>
 */
public final class RestEvents {
    private static final int MAX_CHANNELS = PusherProtocol.MAX_CHANNELS_PER_EVENT;
    private static final int MAX_BATCH = PusherProtocol.MAX_BATCH_EVENTS;

    /** A request Pusher would refuse, with the status it would answer. */
    public static final class Refused extends Exception {
        private static final long serialVersionUID = 1L;
        private final int status;

        Refused(int status, String message) {
            super(message, null, false, false);
            this.status = status;
        }

        public int status() {
            return status;
        }
    }

    private RestEvents() {
    }

    /** The event of a {@code POST /events} body. */
    public static OutboundEvent event(byte[] body) throws Refused {
        JsonObject event = object(body);
        List<String> channels = new ArrayList<>();
        JsonElement many = event.get("channels");
        if (many != null && many.isJsonArray()) {
            for (JsonElement channel : many.getAsJsonArray()) {
                channels.add(channel.isJsonPrimitive() ? channel.getAsString() : "");
            }
        } else if (Json.string(event, "channel") != null) {
            channels.add(Json.string(event, "channel"));
        }
        if (channels.isEmpty() || channels.size() > MAX_CHANNELS) {
            throw new Refused(400, "Expected 1 to " + MAX_CHANNELS + " channels, got " + channels.size());
        }
        return checked(event, channels);
    }

    /** The events of a {@code POST /batch_events} body. */
    public static List<OutboundEvent> batch(byte[] body) throws Refused {
        JsonElement batch = object(body).get("batch");
        if (batch == null || !batch.isJsonArray()) {
            throw new Refused(400, "Body must hold a batch array");
        }
        JsonArray items = batch.getAsJsonArray();
        if (items.isEmpty() || items.size() > MAX_BATCH) {
            throw new Refused(400, "A batch holds 1 to " + MAX_BATCH + " events, not " + items.size());
        }
        List<OutboundEvent> events = new ArrayList<>();
        for (JsonElement item : items) {
            if (!item.isJsonObject()) {
                throw new Refused(400, "Every batch item must be an object");
            }
            String channel = Json.string(item.getAsJsonObject(), "channel");
            events.add(checked(item.getAsJsonObject(), List.of(channel == null ? "" : channel)));
        }
        return events;
    }

    private static OutboundEvent checked(JsonObject event, List<String> channels) throws Refused {
        for (String channel : channels) {
            if (!PusherProtocol.isWireChannelName(channel)) {
                throw new Refused(400, "Invalid channel name '" + channel + "'");
            }
        }
        String name = Json.string(event, "name");
        String problem = PusherProtocol.eventNameProblem(name);
        if (problem != null) {
            throw new Refused(400, "Invalid event name: " + problem);
        }
        String data = Json.string(event, "data");
        if (data == null) {
            throw new Refused(400, "Event data must be a string");
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > PusherProtocol.MAX_DATA_BYTES) {
            throw new Refused(413, "Event data is over 10KB");
        }
        String socketId = Json.string(event, "socket_id");
        if (socketId != null && !PusherProtocol.isValidSocketId(socketId)) {
            throw new Refused(400, "Invalid socket_id");
        }
        return new OutboundEvent(channels, name, data, socketId);
    }

    private static JsonObject object(byte[] body) throws Refused {
        return Json.parseObject(new String(body, StandardCharsets.UTF_8))
                .orElseThrow(() -> new Refused(400, "Body is not a JSON object"));
    }
}
