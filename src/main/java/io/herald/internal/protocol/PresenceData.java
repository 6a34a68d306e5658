package io.herald.internal.protocol;

import com.google.gson.JsonObject;
import io.herald.PresenceMember;

/**
 * The {@code channel_data} of a presence member.
 *
 * <pre>{@code
 * PresenceData.channelData(new PresenceMember("42", Map.of("name", "Ada")));
 * // {"user_id":"42","user_info":{"name":"Ada"}}
 * }</pre>
 */
public final class PresenceData {

    private PresenceData() {
    }

    public static String channelData(PresenceMember member) {
        JsonObject data = new JsonObject();
        data.addProperty("user_id", member.id());
        if (member.info() != null) {
            data.add("user_info", Json.tree(member.info()));
        }
        return data.toString();
    }
}
