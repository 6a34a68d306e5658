package io.herald.internal.protocol;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParseException;
import com.google.gson.Strictness;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import java.io.IOException;
import java.io.StringReader;
import java.util.Optional;

/**
 * JSON as Herald reads and writes it on the wire. Everything a client or a server library sends is read as strict
 * RFC 8259 JSON (no single quotes, unquoted names, comments or trailing text), so that what Herald accepts is what
 * every other JSON parser would read the same way; what Herald writes itself is plain Gson output.
 *
 * <pre>{@code
 * Json.parseObject("{\"event\":\"pusher:ping\"}");   // Optional[{"event":"pusher:ping"}]
 * Json.parseObject("{'event':'pusher:ping'}");       // Optional.empty
 * Json.write(Map.of("name", "Ada"));                  // {"name":"Ada"}
 * }</pre>
 */
public final class Json {
    private static final Gson GSON = new GsonBuilder().disableHtmlEscaping().serializeNulls().create();

    private Json() {
    }

    /** The value {@code text} holds, or empty when it is not one strict JSON value and nothing after it. */
    public static Optional<JsonElement> parse(String text) {
        if (text == null) {
            return Optional.empty();
        }
        try (JsonReader reader = new JsonReader(new StringReader(text))) {
            reader.setStrictness(Strictness.STRICT);
            JsonElement value = GSON.fromJson(reader, JsonElement.class);
            return value != null && reader.peek() == JsonToken.END_DOCUMENT ? Optional.of(value) : Optional.empty();
        } catch (IOException | JsonParseException | IllegalStateException | StackOverflowError e) {
            return Optional.empty();
        }
    }

    /** The object {@code text} holds, or empty when it is not a strict JSON object. */
    public static Optional<JsonObject> parseObject(String text) {
        return parse(text).filter(JsonElement::isJsonObject).map(JsonElement::getAsJsonObject);
    }

    /** A string member of {@code object}, or {@code null} when it is missing or not a string. */
    public static String string(JsonObject object, String name) {
        JsonElement value = object.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }

    /** JSON for values Herald builds itself (presence member info, user data, answers). */
    public static String write(Object value) {
        return GSON.toJson(value);
    }

    /** The same value as a tree, for embedding in a larger answer. */
    public static JsonElement tree(Object value) {
        return GSON.toJsonTree(value);
    }
}
