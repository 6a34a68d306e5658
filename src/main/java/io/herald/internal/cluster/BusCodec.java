package io.herald.internal.cluster;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of the messages on a cluster's Redis channel, written here ({@code e} events, {@code t} terminations) or
 * by {@link RedisScripts} ({@code j} joins, {@code l} leaves, {@code s} snapshots, {@code r} re-registrations,
 * {@code o} / {@code v} channels occupied and vacated). Each key means one thing in every kind: {@code t} the kind,
 * {@code c} the channel (the channels of an event), {@code n} an event's name, {@code d} its data, {@code x} the
 * socket left out, {@code u} a user id, {@code o} the instance that caused it, {@code s} the joining socket,
 * {@code i} a member's info, {@code a} 1 when the member is new anywhere, {@code m} the members as a flat
 * {@code [id, info, ...]} list. ARCHITECTURE.md has the table; {@code BusSchemaTest} round-trips every kind.
 *
 * <pre>{@code
 * String json = BusCodec.encode(new ClusterMessage.Terminate("42"));   // {"t":"t","u":"42"}
 * }</pre>
 */
final class BusCodec {

    /** A message as one instance reads it: for its registry, or for the fan-out itself. */
    sealed interface Incoming {
    }

    /** For the registry; {@code forInstance} names the instance a join's connection or a snapshot is for. */
    record ForRegistry(ClusterMessage message, String forInstance) implements Incoming {
    }

    /** An instance re-registered its state: the others compare their subscribers' view with the cluster's. */
    record Reregistered(String instance) implements Incoming {
    }

    /** A channel's first subscription anywhere, or its last, caused by {@code instance}. */
    record Occupancy(String channel, boolean occupied, String instance) implements Incoming {
    }

    private BusCodec() {
    }

    static String encode(ClusterMessage.Published event) {
        JsonObject json = new JsonObject();
        json.addProperty("t", "e");
        JsonArray channels = new JsonArray();
        event.channels().forEach(channels::add);
        json.add("c", channels);
        json.addProperty("n", event.name());
        json.addProperty("d", event.data());
        json.addProperty("x", event.excludedSocketId());
        json.addProperty("u", event.presenceUserId());
        return json.toString();
    }

    static String encode(CachedEvent cached) {
        JsonObject json = new JsonObject();
        json.addProperty("n", cached.name());
        json.addProperty("d", cached.data());
        return json.toString();
    }

    /** A cache channel's stored event, or empty for anything else. */
    static Optional<CachedEvent> decodeCached(String text) {
        try {
            JsonObject json = JsonParser.parseString(text).getAsJsonObject();
            return Optional.of(new CachedEvent(string(json, "n"), string(json, "d")));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    static String encode(ClusterMessage.Terminate terminate) {
        JsonObject json = new JsonObject();
        json.addProperty("t", "t");
        json.addProperty("u", terminate.userId());
        return json.toString();
    }

    /** The message, or empty for anything this version does not know (another version's, or not Herald's). */
    static Optional<Incoming> decode(String text) {
        try {
            return Optional.ofNullable(decode(JsonParser.parseString(text).getAsJsonObject()));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Incoming decode(JsonObject json) {
        String instance = string(json, "o");
        String type = string(json, "t");
        return switch (type == null ? "" : type) {
            case "e" -> new ForRegistry(new ClusterMessage.Published(strings(json.getAsJsonArray("c")),
                    string(json, "n"), string(json, "d"), string(json, "x"), string(json, "u")), null);
            case "t" -> new ForRegistry(new ClusterMessage.Terminate(string(json, "u")), null);
            case "j" -> new ForRegistry(new ClusterMessage.MemberJoined(string(json, "c"), emptyToNull(string(json, "s")),
                    string(json, "u"), string(json, "i"), json.get("a").getAsInt() == 1, members(json.get("m"))),
                    instance);
            case "l" -> new ForRegistry(new ClusterMessage.MemberLeft(string(json, "c"), string(json, "u")), instance);
            case "s" -> new ForRegistry(new ClusterMessage.Snapshot(string(json, "c"), members(json.get("m"))),
                    instance);
            case "r" -> new Reregistered(instance);
            case "o", "v" -> new Occupancy(string(json, "c"), type.equals("o"), instance);
            default -> null;
        };
    }

    // HGETALL's flat [id, info, id, info, ...]; Lua's cjson writes an empty one as {}.
    private static Map<String, String> members(JsonElement flat) {
        Map<String, String> members = new LinkedHashMap<>();
        if (flat != null && flat.isJsonArray()) {
            JsonArray array = flat.getAsJsonArray();
            for (int i = 0; i + 1 < array.size(); i += 2) {
                members.put(array.get(i).getAsString(), array.get(i + 1).getAsString());
            }
        }
        return members;
    }

    private static List<String> strings(JsonArray array) {
        List<String> values = new ArrayList<>();
        array.forEach(value -> values.add(value.getAsString()));
        return values;
    }

    private static String string(JsonObject json, String name) {
        JsonElement value = json.get(name);
        return value == null || value.isJsonNull() ? null : value.getAsString();
    }

    private static String emptyToNull(String value) {
        return value == null || value.isEmpty() ? null : value;
    }
}
