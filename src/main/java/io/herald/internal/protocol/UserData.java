package io.herald.internal.protocol;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.herald.BroadcastUser;
import io.herald.Channel;
import io.herald.internal.HeraldMessages;

/**
 * The {@code user_data} of Pusher's user sign-in, and the channel that reaches a signed-in user.
 *
 * <pre>{@code
 * UserData.of(new BroadcastUser("42"));       // {"id":"42"}
 * UserData.serverToUserChannel("42");         // #server-to-user-42
 * }</pre>
 */
public final class UserData {
    private UserData() {
    }

    /** {@code {"id":"42","user_info":{...},"watchlist":[...]}}, leaving out what is empty. */
    public static String of(BroadcastUser user) {
        JsonObject data = new JsonObject();
        data.addProperty("id", user.id());
        if (user.info() != null) {
            data.add("user_info", Json.tree(user.info()));
        }
        if (!user.watchlist().isEmpty()) {
            JsonArray watchlist = new JsonArray();
            user.watchlist().forEach(watchlist::add);
            data.add("watchlist", watchlist);
        }
        return data.toString();
    }

    /** {@code #server-to-user-<id>}, for a valid user id. */
    public static String serverToUserChannel(String userId) {
        return PusherProtocol.SERVER_TO_USER_PREFIX + requireUserId(userId);
    }

    /** The id, if it is one Pusher accepts. */
    public static String requireUserId(String userId) {
        if (!Channel.isValidName(userId)) {
            throw HeraldMessages.invalidUserId(userId);
        }
        return userId;
    }
}
