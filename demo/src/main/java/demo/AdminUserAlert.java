package demo;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;

/** Masonite's private example: only admins may subscribe to private-admins. */
public record AdminUserAlert(String message, String level) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("private-admins"));
    }
}
