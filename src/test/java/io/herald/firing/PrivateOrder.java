package io.herald.firing;

import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.PresenceChannel;
import io.herald.PrivateChannel;
import java.util.List;

/** An event on a public, a private and a presence channel at once. */
public record PrivateOrder(long id) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("orders"), new PrivateChannel("orders." + id), new PresenceChannel("shop"));
    }
}
