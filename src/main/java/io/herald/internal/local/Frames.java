package io.herald.internal.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.google.gson.JsonPrimitive;
import java.util.List;
import java.util.Map;

/**
 * The frames the server sends, as Pusher's protocol and its real clients need them: {@code data} is always
 * present and always a JSON string (pusher-java-client throws without it).
 */
final class Frames {
    private Frames() {
    }

    static String connectionEstablished(String socketId, int activityTimeout) {
        JsonObject data = new JsonObject();
        data.addProperty("socket_id", socketId);
        data.addProperty("activity_timeout", activityTimeout);
        return frame("pusher:connection_established", null, data.toString());
    }

    static String error(Integer code, String message) {
        JsonObject data = new JsonObject();
        data.addProperty("code", code);
        data.addProperty("message", message);
        return frame("pusher:error", null, data.toString());
    }

    static String pong() {
        return frame("pusher:pong", null, "{}");
    }

    static String subscriptionSucceeded(String channel, String data) {
        return frame("pusher_internal:subscription_succeeded", channel, data);
    }

    /** A presence channel's {@code subscription_succeeded} data: {@code {"presence":{"ids","hash","count"}}}. */
    static String presence(Map<String, String> members) {
        JsonArray ids = new JsonArray();
        JsonObject hash = new JsonObject();
        members.forEach((id, infoJson) -> {
            ids.add(id);
            hash.add(id, JsonParser.parseString(infoJson));
        });
        JsonObject presence = new JsonObject();
        presence.add("ids", ids);
        presence.add("hash", hash);
        presence.addProperty("count", ids.size());
        JsonObject data = new JsonObject();
        data.add("presence", presence);
        return data.toString();
    }

    static String memberAdded(String channel, String userId, String userInfoJson) {
        return frame("pusher_internal:member_added", channel,
                "{\"user_id\":" + quote(userId) + ",\"user_info\":" + userInfoJson + "}");
    }

    static String memberRemoved(String channel, String userId) {
        return frame("pusher_internal:member_removed", channel, "{\"user_id\":" + quote(userId) + "}");
    }

    /** {@code pusher_internal:watchlist_events}: users of a watchlist came {@code online} or went {@code offline}. */
    static String watchlist(String name, List<String> userIds) {
        JsonArray ids = new JsonArray();
        userIds.forEach(ids::add);
        JsonObject event = new JsonObject();
        event.addProperty("name", name);
        event.add("user_ids", ids);
        JsonArray events = new JsonArray();
        events.add(event);
        JsonObject data = new JsonObject();
        data.add("events", events);
        return frame("pusher_internal:watchlist_events", null, data.toString());
    }

    static String signinSuccess(String userData) {
        JsonObject data = new JsonObject();
        data.addProperty("user_data", userData);
        return frame("pusher:signin_success", null, data.toString());
    }

    /** An event as subscribers receive it; {@code userId} only for client events on presence channels. */
    static String event(String name, String channel, String data, String userId) {
        JsonObject frame = new JsonObject();
        frame.addProperty("event", name);
        frame.addProperty("channel", channel);
        frame.addProperty("data", data);
        if (userId != null) {
            frame.addProperty("user_id", userId);
        }
        return frame.toString();
    }

    static String frame(String event, String channel, String data) {
        JsonObject frame = new JsonObject();
        frame.addProperty("event", event);
        if (channel != null) {
            frame.addProperty("channel", channel);
        }
        frame.addProperty("data", data);
        return frame.toString();
    }

    private static String quote(String text) {
        return new JsonPrimitive(text).toString();
    }
}
