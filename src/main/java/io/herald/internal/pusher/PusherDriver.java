package io.herald.internal.pusher;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.BroadcastException;
import io.herald.ChannelType;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import java.util.ArrayList;
import java.util.List;

/**
 * Sends through {@code POST /apps/{id}/events}: at most {@value #MAX_CHANNELS_PER_REQUEST} channels a request, and
 * each encrypted channel (its payload is encrypted with that channel's key) and each {@code #server-to-user-}
 * channel in a request of its own.
 */
final class PusherDriver implements BroadcastDriver {
    static final int MAX_CHANNELS_PER_REQUEST = 100;
    private static final int MAX_REASON_LENGTH = 300;

    private final String connection;
    private final Pusher pusher;

    PusherDriver(String connection, Pusher pusher) {
        this.connection = connection;
        this.pusher = pusher;
    }

    @Override
    public void send(OutboundEvent event) {
        for (List<String> request : requests(event.channels())) {
            Result result = request.get(0).startsWith("#")
                    ? pusher.post("/events", reservedChannelBody(request, event))
                    : pusher.trigger(request, event.name(), event.data(), event.socketId());
            if (result.getStatus() != Result.Status.SUCCESS) {
                throw new BroadcastException(connection, request, event.name(), describe(result), null);
            }
        }
    }

    @Override
    public void terminateUserConnections(String userId) {
        Result result = pusher.post("/users/" + userId + "/terminate_connections", "{}");
        if (result.getStatus() != Result.Status.SUCCESS) {
            throw new BroadcastException(connection, List.of("#server-to-user-" + userId), "terminate_connections",
                    describe(result), null);
        }
    }

    /** pusher-http-java refuses Pusher's own '#' channels, so their request body is written here. */
    private static String reservedChannelBody(List<String> channels, OutboundEvent event) {
        JsonObject body = new JsonObject();
        body.addProperty("name", event.name());
        JsonArray names = new JsonArray();
        channels.forEach(names::add);
        body.add("channels", names);
        body.addProperty("data", event.data());
        if (event.socketId() != null) {
            body.addProperty("socket_id", event.socketId());
        }
        return body.toString();
    }

    static List<List<String>> requests(List<String> channels) {
        List<List<String>> requests = new ArrayList<>();
        List<String> plain = new ArrayList<>();
        for (String channel : channels) {
            if (channel.startsWith("#") || ChannelType.of(channel) == ChannelType.ENCRYPTED_PRIVATE) {
                requests.add(List.of(channel));
            } else {
                plain.add(channel);
            }
        }
        for (int from = 0; from < plain.size(); from += MAX_CHANNELS_PER_REQUEST) {
            requests.add(List.copyOf(plain.subList(from, Math.min(plain.size(), from + MAX_CHANNELS_PER_REQUEST))));
        }
        return requests;
    }

    private static String describe(Result result) {
        String message = String.valueOf(result.getMessage());
        if (message.length() > MAX_REASON_LENGTH) {
            message = message.substring(0, MAX_REASON_LENGTH) + "...";
        }
        return result.getHttpStatus() == null
                ? "no answer from Pusher (" + result.getStatus() + "): " + message
                : "Pusher answered " + result.getHttpStatus() + ": " + message;
    }

    @Override
    public void close() {
        try {
            pusher.close();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
