package io.herald.internal.pusher;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.BroadcastException;
import io.herald.ChannelType;
import io.herald.internal.protocol.PusherProtocol;
import com.pusher.rest.data.Event;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.RetryableBroadcastException;
import io.herald.spi.OutboundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Sends through {@code POST /apps/{id}/events}: at most {@value #MAX_CHANNELS_PER_REQUEST} channels a request, and
 * each encrypted channel (its payload is encrypted with that channel's key) and each {@code #server-to-user-}
 * channel in a request of its own.
 */
final class PusherDriver implements BroadcastDriver {
    static final int MAX_CHANNELS_PER_REQUEST = 100;
    static final int MAX_BATCH = 10;
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
            Result result = PusherProtocol.isServerChannel(request.get(0))
                    ? pusher.post("/events", reservedChannelBody(request, event))
                    : pusher.trigger(request, event.name(), event.data(), event.socketId());
            check(result, request, event.name());
        }
    }

    /** Up to {@value #MAX_BATCH} single-channel events in one {@code POST /batch_events}. */
    @Override
    public void sendBatch(List<OutboundEvent> events) {
        if (events.size() == 1 || events.stream().anyMatch(PusherDriver::needsARequestOfItsOwn)) {
            events.forEach(this::send);
            return;
        }
        List<Event> batch = events.stream()
                .map(event -> new Event(event.channels().get(0), event.name(), event.data(), event.socketId()))
                .toList();
        List<String> channels = events.stream().map(event -> event.channels().get(0)).toList();
        check(pusher.trigger(batch), channels, events.size() + " events");
    }

    @Override
    public int maxBatchSize() {
        return MAX_BATCH;
    }

    private static boolean needsARequestOfItsOwn(OutboundEvent event) {
        String channel = event.channels().get(0);
        return event.channels().size() > 1 || PusherProtocol.isServerChannel(channel)
                || ChannelType.of(channel) == ChannelType.ENCRYPTED_PRIVATE;
    }

    private void check(Result result, List<String> channels, String event) {
        if (result.getStatus() == Result.Status.SUCCESS) {
            return;
        }
        Integer status = result.getHttpStatus();
        if (status == null || status >= 500 || status == 429) {
            throw new RetryableBroadcastException(connection, channels, event, describe(result), null,
                    status != null && status == 429 ? RetryAfter.lastAnswer() : Optional.empty());
        }
        throw new BroadcastException(connection, channels, event, describe(result), null);
    }

    @Override
    public void terminateUserConnections(String userId) {
        Result result = pusher.post("/users/" + userId + "/terminate_connections", "{}");
        if (result.getStatus() != Result.Status.SUCCESS) {
            throw new BroadcastException(connection, List.of(PusherProtocol.SERVER_TO_USER_PREFIX + userId), "terminate_connections",
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
            if (PusherProtocol.isServerChannel(channel) || ChannelType.of(channel) == ChannelType.ENCRYPTED_PRIVATE) {
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
