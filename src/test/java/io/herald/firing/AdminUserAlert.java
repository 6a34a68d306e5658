package io.herald.firing;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;

/** Masonite's private example: a plain Channel naming a private channel, with the event itself as payload. */
public record AdminUserAlert(String message, String level) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("private-admins"));
    }
}
