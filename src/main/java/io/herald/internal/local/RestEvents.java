package io.herald.internal.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.herald.spi.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Reads the bodies of Pusher's {@code POST /events} and {@code POST /batch_events} with Pusher's checks: a string
 * {@code data} of at most 10 KB (else 413), 1 to 100 channels ({@code channel} or {@code channels}), at most 10
 * events a batch, names of at most 200 characters, well-formed channel names and socket ids (else 400).
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
    public static final int MAX_DATA_BYTES = 10 * 1024;
    public static final int MAX_CHANNELS = 100;
    public static final int MAX_BATCH = 10;
    public static final int MAX_NAME_LENGTH = 200;
    private static final Pattern CHANNEL = Pattern.compile("#?[-a-zA-Z0-9_=@,.;]{1,200}");
    private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");

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
        } else if (text(event, "channel") != null) {
            channels.add(text(event, "channel"));
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
            String channel = text(item.getAsJsonObject(), "channel");
            events.add(checked(item.getAsJsonObject(), List.of(channel == null ? "" : channel)));
        }
        return events;
    }

    private static OutboundEvent checked(JsonObject event, List<String> channels) throws Refused {
        for (String channel : channels) {
            if (!CHANNEL.matcher(channel).matches()) {
                throw new Refused(400, "Invalid channel name '" + channel + "'");
            }
        }
        String name = text(event, "name");
        if (name == null || name.isEmpty() || name.length() > MAX_NAME_LENGTH) {
            throw new Refused(400, "Event name must be 1 to " + MAX_NAME_LENGTH + " characters");
        }
        String data = text(event, "data");
        if (data == null) {
            throw new Refused(400, "Event data must be a string");
        }
        if (data.getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            throw new Refused(413, "Event data is over 10KB");
        }
        String socketId = text(event, "socket_id");
        if (socketId != null && !SOCKET_ID.matcher(socketId).matches()) {
            throw new Refused(400, "Invalid socket_id");
        }
        return new OutboundEvent(channels, name, data, socketId);
    }

    private static JsonObject object(byte[] body) throws Refused {
        try {
            JsonElement parsed = JsonParser.parseString(new String(body, StandardCharsets.UTF_8));
            if (parsed.isJsonObject()) {
                return parsed.getAsJsonObject();
            }
        } catch (RuntimeException e) {
            // answered below
        }
        throw new Refused(400, "Body is not a JSON object");
    }

    private static String text(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }
}
