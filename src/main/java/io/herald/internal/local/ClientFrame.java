package io.herald.internal.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.Optional;

/**
 * One frame from a client, read leniently where real clients differ: {@code data} may be an object (pusher-js), a
 * string holding JSON (double-encoded) or missing (pusher-java-client's ping).
 *
 * <pre>{@code
 * ClientFrame.parse("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}")
 *         .map(frame -> frame.dataField("channel"));   // Optional[news]
 * }</pre>
 *
 * @param event the {@code event} field
 * @param channel the {@code channel} field, or {@code null}
 * @param rawData the {@code data} field as sent, or {@code null}
 */
record ClientFrame(String event, String channel, JsonElement rawData) {

    /** The frame, or empty when the text is not a JSON object with a string {@code event}. */
    static Optional<ClientFrame> parse(String text) {
        try {
            JsonElement parsed = JsonParser.parseString(text);
            if (!parsed.isJsonObject()) {
                return Optional.empty();
            }
            JsonObject frame = parsed.getAsJsonObject();
            String event = string(frame, "event");
            return event == null ? Optional.empty()
                    : Optional.of(new ClientFrame(event, string(frame, "channel"), frame.get("data")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** {@code data} as an object, decoding a string that holds JSON; empty when it is neither. */
    JsonObject data() {
        JsonElement data = rawData;
        if (data != null && data.isJsonPrimitive() && data.getAsJsonPrimitive().isString()) {
            try {
                data = JsonParser.parseString(data.getAsString());
            } catch (RuntimeException e) {
                return new JsonObject();
            }
        }
        return data != null && data.isJsonObject() ? data.getAsJsonObject() : new JsonObject();
    }

    /** A string field of {@link #data()}, or {@code null}. */
    String dataField(String name) {
        return string(data(), name);
    }

    static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }
}
