package it.app;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;

/** A numbered event sent through the {@code durable} connection, configured only where a test sets it up. */
public record Parcel(int seq) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("parcels"));
    }

    @Override
    public List<String> broadcastConnections() {
        return List.of("durable");
    }
}
