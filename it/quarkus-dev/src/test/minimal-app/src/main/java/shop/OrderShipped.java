package shop;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;

public record OrderShipped(String id) implements CanBroadcast {
    public List<Channel> broadcastOn() {
        return List.of(new Channel("orders"));
    }
}
