package io.herald.internal.local;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;

/**
 * A connection's frame sink that keeps every frame, written at once, for tests that drive a {@link LocalApp} directly.
 *
 * <pre>{@code
 * RecordedFrames outbox = new RecordedFrames();
 * LocalSocket socket = app.open(outbox).orElseThrow();
 * outbox.frames;   // pusher:connection_established, ...
 * }</pre>
 */
class RecordedFrames implements FrameSink {
    final List<String> frames = new CopyOnWriteArrayList<>();

    @Override
    public void send(String frame, Consumer<Throwable> done) {
        frames.add(frame);
        done.accept(null);
    }

    @Override
    public void close(int code, String reason) {
    }

    /** Whether {@code channel}'s {@code subscription_succeeded} has arrived. */
    boolean subscribedTo(String channel) {
        return frames.stream().anyMatch(frame -> frame.contains("subscription_succeeded")
                && frame.contains("\"channel\":\"" + channel + "\""));
    }

    /**
     * The {@code pusher:subscribe} frame a client sends to join {@code channel} as {@code user}, signed as an
     * authorization endpoint would sign it with {@code key} and {@code secret}.
     */
    static String presenceSubscribe(String socketId, String channel, String user, String key, String secret) {
        String channelData = "{\"user_id\":\"" + user + "\"}";
        com.google.gson.JsonObject data = new com.google.gson.JsonObject();
        data.addProperty("channel", channel);
        data.addProperty("auth", key + ":" + io.herald.internal.signing.Hmac.sha256Hex(secret, socketId + ":" + channel
                + ":" + channelData));
        data.addProperty("channel_data", channelData);
        com.google.gson.JsonObject frame = new com.google.gson.JsonObject();
        frame.addProperty("event", "pusher:subscribe");
        frame.add("data", data);
        return frame.toString();
    }
}
