package io.herald.engine;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;

/** A numbered event, so that tests can tell exactly which ones arrived. */
public record Tick(int seq) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("ticks"));
    }
}
