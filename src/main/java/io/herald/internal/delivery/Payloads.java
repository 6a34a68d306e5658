package io.herald.internal.delivery;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonIOException;
import io.herald.internal.HeraldMessages;

/**
 * Turns payloads into the text subscribers receive: a String as it is, anything else as JSON (fields of
 * classes, components of records, entries of maps).
 *
 * <pre>{@code
 * Payloads.toJson("NewRelease", Map.of("version", "4.0.0"));   // {"version":"4.0.0"}
 * Payloads.toJson("Raw", "{\"already\":\"json\"}");           // unchanged
 * }</pre>
 */
public final class Payloads {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Payloads() {
    }

    public static String toJson(String event, Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        try {
            return GSON.toJson(payload);
        } catch (JsonIOException | UnsupportedOperationException | IllegalArgumentException | StackOverflowError e) {
            throw HeraldMessages.unserialisable(event, e);
        }
    }
}
