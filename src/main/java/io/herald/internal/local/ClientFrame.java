package io.herald.internal.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.herald.internal.protocol.Json;
import java.util.Optional;

/**
 * One frame from a client: strict JSON, and lenient only where real clients differ: {@code data} may be an object
 * (pusher-js), a string holding JSON (double-encoded) or missing (pusher-java-client's ping).
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

    /** The frame, or empty when the text is not a strict JSON object with a string {@code event}. */
    static Optional<ClientFrame> parse(String text) {
        return Json.parseObject(text).flatMap(frame -> Optional.ofNullable(string(frame, "event"))
                .map(event -> new ClientFrame(event, string(frame, "channel"), frame.get("data"))));
    }

    /** {@code data} as an object, decoding a string that holds JSON; empty when it is neither. */
    JsonObject data() {
        JsonElement data = rawData;
        if (data != null && data.isJsonPrimitive() && data.getAsJsonPrimitive().isString()) {
            data = Json.parse(data.getAsString()).orElse(null);
        }
        return data != null && data.isJsonObject() ? data.getAsJsonObject() : new JsonObject();
    }

    /** A string field of {@link #data()}, or {@code null}. */
    String dataField(String name) {
        return string(data(), name);
    }

    static String string(JsonObject object, String name) {
        return Json.string(object, name);
    }
}
