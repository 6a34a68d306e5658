package demo;

import io.herald.CanBroadcast;
import io.herald.Channel;
import java.util.List;
import java.util.Map;

/** Masonite's public example: every visitor hears about a release. */
public record NewRelease(String version) implements CanBroadcast {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("releases"));
    }

    @Override
    public Object broadcastWith() {
        return Map.of("message", "Version " + version + " has been released !");
    }
}
