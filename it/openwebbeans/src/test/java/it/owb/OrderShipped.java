package it.owb;

import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.PrivateChannel;
import java.util.List;

/** An application's event: on the public channel {@code orders} and the order's private channel. */
public record OrderShipped(long orderId, String carrier) implements CanBroadcast {
    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("orders"), new PrivateChannel("orders." + orderId));
    }

    @Override
    public String broadcastAs() {
        return "order.shipped";
    }

    @Override
    public boolean broadcastWhen() {
        return !carrier.isEmpty();
    }
}
