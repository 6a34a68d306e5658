package io.herald.firing;

import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.PrivateChannel;
import java.util.List;

/** An event only on a private channel. */
public record OnlyPrivate(String note) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new PrivateChannel("notes"));
    }
}
