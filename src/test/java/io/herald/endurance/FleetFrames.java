package io.herald.endurance;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.herald.internal.signing.Hmac;
import java.util.ArrayList;
import java.util.List;

/**
 * The Pusher protocol as {@link LoadFleet}'s lean clients speak it: the subscribe frame they send (signed with the
 * app's secret, as the app's authorization endpoint would sign it) and what they read from the frames they receive.
 * {@code FleetFramesTest} checks both against pusher-java-client on the same server and the same frames.
 *
 * <pre>{@code
 * socket.sendText(FleetFrames.subscribe(socketId, "presence-room-3", "u7", key, secret), true);
 * FleetFrames.eventChannel(frame);   // "presence-room-3", for an event frame
 * }</pre>
 */
final class FleetFrames {

    private FleetFrames() {
    }

    /** {@code pusher:subscribe} for {@code channel}, with the auth (and channel data) its kind needs. */
    static String subscribe(String socketId, String channel, String user, String key, String secret) {
        JsonObject data = new JsonObject();
        data.addProperty("channel", channel);
        if (channel.startsWith("presence-")) {
            String member = "{\"user_id\":\"" + user + "\"}";
            data.addProperty("channel_data", member);
            data.addProperty("auth", key + ":" + Hmac.sha256Hex(secret, socketId + ":" + channel + ":" + member));
        } else if (channel.startsWith("private-")) {
            data.addProperty("auth", key + ":" + Hmac.sha256Hex(secret, socketId + ":" + channel));
        }
        JsonObject frame = new JsonObject();
        frame.addProperty("event", "pusher:subscribe");
        frame.add("data", data);
        return frame.toString();
    }

    /** Whether the frame is one of the run's events ({@code E}), read without parsing it. */
    static boolean isEvent(String frame) {
        return frame.startsWith("{\"event\":\"E\"");
    }

    /** The channel of one of the run's events, read without parsing the frame. */
    static String eventChannel(String frame) {
        String rest = frame.substring(frame.indexOf("\"channel\":\"") + 11);
        return rest.substring(0, rest.indexOf('"'));
    }

    /** The member ids of a presence channel's {@code subscription_succeeded} frame. */
    static List<String> presenceIds(JsonObject frame) {
        List<String> ids = new ArrayList<>();
        data(frame).getAsJsonObject("presence").getAsJsonArray("ids").forEach(id -> ids.add(id.getAsString()));
        return ids;
    }

    /** The user id of a {@code member_added} or {@code member_removed} frame. */
    static String memberId(JsonObject frame) {
        return data(frame).get("user_id").getAsString();
    }

    /** A frame's data, which the wire carries as a JSON string (or, from some servers, an object). */
    static JsonObject data(JsonObject frame) {
        JsonElement data = frame.get("data");
        return data.isJsonPrimitive() ? JsonParser.parseString(data.getAsString()).getAsJsonObject()
                : data.getAsJsonObject();
    }
}
