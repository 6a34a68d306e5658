package io.herald.internal.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.herald.ChannelType;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.Json;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.internal.signing.ChannelSigner;
import io.herald.internal.signing.Hmac;
import io.herald.spi.OutboundEvent;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * One app of the built-in Pusher server: its connections, occupied channels and signed-in users, and the
 * client protocol (Pusher protocol 7; clients asking for 5 get the same). Frames from one connection arrive one
 * at a time; broadcasts may come from any thread.
 */
final class LocalApp {
    static final int APP_DOES_NOT_EXIST = 4001;
    static final int OVER_CONNECTION_QUOTA = 4004;
    static final int UNAUTHORIZED = 4009;
    static final int OVER_CAPACITY = 4100;
    static final int INVALID_MESSAGE = 4200;
    static final int RECONNECT_NOW = 4200;
    static final int OVER_LIMIT = 4301;
    static final int MESSAGE_TOO_BIG = 1009;

    private final LocalSettings settings;
    private final LocalServerMetrics metrics;
    private final ChannelSigner signer;
    private final Map<String, LocalSocket> sockets = new ConcurrentHashMap<>();
    private final Map<String, LocalChannel> channels = new ConcurrentHashMap<>();
    private final Map<String, Set<LocalSocket>> users = new ConcurrentHashMap<>();

    LocalApp(LocalSettings settings, LocalServerMetrics metrics) {
        this.settings = settings;
        this.metrics = metrics;
        this.signer = new ChannelSigner(settings.key(), settings.secret(), Optional.empty());
        metrics.connections(sockets::size);
    }

    /** Where events published into this app are counted. */
    LocalServerMetrics metrics() {
        return metrics;
    }

    LocalSettings settings() {
        return settings;
    }

    /** A new connection, greeted with its socket id; empty (and refused with 4004) over the connection quota. */
    Optional<LocalSocket> open(Outbox outbox) {
        if (sockets.size() >= settings.maxConnections()) {
            LocalSocket refused = new LocalSocket("0.0", outbox, 2, 0);
            refused.sendAndClose(Frames.error(OVER_CONNECTION_QUOTA, "Over the connection quota"), OVER_CONNECTION_QUOTA,
                    "Over quota");
            return Optional.empty();
        }
        LocalSocket socket;
        do {
            ThreadLocalRandom random = ThreadLocalRandom.current();
            socket = new LocalSocket(random.nextLong(1, 10_000_000_000L) + "." + random.nextLong(1, 10_000_000_000L),
                    outbox, settings.maxPendingFrames(), settings.maxMessageBytes());
        } while (sockets.putIfAbsent(socket.socketId(), socket) != null);
        socket.send(Frames.connectionEstablished(socket.socketId(), settings.activityTimeoutSeconds()));
        return Optional.of(socket);
    }

    /**
     * Takes the next part of a client's message. A message over {@code max-message-bytes} is refused as soon as it
     * passes the limit: {@code pusher:error} 4301, then the connection is closed with 1009 (Message Too Big).
     */
    void receive(LocalSocket socket, String part, boolean last) {
        switch (socket.inbound().add(part, last)) {
            case COMPLETE -> receive(socket, socket.inbound().take());
            case TOO_LARGE -> socket.sendAndClose(Frames.error(OVER_LIMIT, "Message over the "
                    + settings.maxMessageBytes() + "-byte limit"), MESSAGE_TOO_BIG, "Message too big");
            case PARTIAL -> {
                // more to come
            }
        }
    }

    /** Handles one whole message from a client; anything malformed gets a {@code pusher:error} and changes nothing. */
    void receive(LocalSocket socket, String text) {
        Optional<ClientFrame> parsed = ClientFrame.parse(text);
        if (parsed.isEmpty()) {
            socket.send(Frames.error(INVALID_MESSAGE, "Invalid message format: not a JSON object with an event"));
            return;
        }
        ClientFrame frame = parsed.get();
        switch (frame.event()) {
            case "pusher:ping" -> socket.send(Frames.pong());
            case "pusher:pong" -> {
                // a sign of life; nothing to answer
            }
            case "pusher:subscribe" -> subscribe(socket, frame.data());
            case "pusher:unsubscribe" -> unsubscribe(socket, frame.dataField("channel"));
            case "pusher:signin" -> signIn(socket, frame.data());
            default -> {
                if (frame.event().startsWith("client-")) {
                    clientEvent(socket, frame.event(), frame.channel(), frame.rawData());
                } else {
                    socket.send(Frames.error(INVALID_MESSAGE, "Unknown event '" + frame.event() + "'"));
                }
            }
        }
    }

    /** Forgets a closed connection: its subscriptions (presence members leave) and its sign-in. */
    void closed(LocalSocket socket) {
        if (sockets.remove(socket.socketId()) == null) {
            return;
        }
        for (String channel : List.copyOf(socket.subscriptions().keySet())) {
            unsubscribe(socket, channel);
        }
        String userId = socket.userId();
        if (userId != null) {
            users.computeIfPresent(userId, (id, set) -> {
                set.remove(socket);
                return set.isEmpty() ? null : set;
            });
        }
    }

    /** Delivers an event to every subscriber of its channels but the excluded socket, encoded once per channel. */
    void publish(OutboundEvent event) {
        for (String channel : event.channels()) {
            String user = PusherProtocol.serverToUserId(channel);
            Set<LocalSocket> recipients = user != null ? users.getOrDefault(user, Set.of())
                    : Optional.ofNullable(channels.get(channel)).map(LocalChannel::subscribers).orElse(Set.of());
            if (recipients.isEmpty()) {
                continue;
            }
            String frame = Frames.event(event.name(), channel, event.data(), null);
            for (LocalSocket recipient : recipients) {
                if (!recipient.socketId().equals(event.socketId())) {
                    recipient.send(frame);
                }
            }
        }
    }

    /**
     * Closes every connection with 4200, Pusher's "reconnect now": the application is stopping, and its clients should
     * come back to the one that replaces it (a redeployment, a live reload) instead of staying connected to nothing.
     */
    void shutdown() {
        for (LocalSocket socket : List.copyOf(sockets.values())) {
            socket.closeNow(RECONNECT_NOW, "Server restarting; reconnect");
        }
    }

    /** Closes every connection signed in as {@code userId}. */
    void terminate(String userId) {
        for (LocalSocket socket : List.copyOf(users.getOrDefault(userId, Set.of()))) {
            socket.sendAndClose(Frames.error(UNAUTHORIZED, "You got disconnected by the app."), UNAUTHORIZED,
                    "Terminated by the app");
        }
    }

    /** Occupied channels whose name starts with {@code prefix}, each with its member count if presence. */
    Map<String, Integer> occupied(String prefix) {
        Map<String, Integer> found = new LinkedHashMap<>();
        channels.values().stream()
                .filter(channel -> channel.name().startsWith(prefix == null ? "" : prefix))
                .filter(channel -> !channel.subscribers().isEmpty())
                .sorted((a, b) -> a.name().compareTo(b.name()))
                .forEach(channel -> found.put(channel.name(), channel.memberCount()));
        return found;
    }

    Optional<LocalChannel> channel(String name) {
        return Optional.ofNullable(channels.get(name)).filter(channel -> !channel.subscribers().isEmpty());
    }

    private void subscribe(LocalSocket socket, JsonObject data) {
        String channel = ClientFrame.string(data, "channel");
        if (!PusherProtocol.isWireChannelName(channel)) {
            socket.send(Frames.error(INVALID_MESSAGE, "Invalid channel name"));
            return;
        }
        if (!socket.subscriptions().containsKey(channel)
                && socket.subscriptions().size() >= settings.maxChannelsPerConnection()) {
            refuseSubscription(socket, channel, "LimitReached", OVER_LIMIT,
                    "Over the limit of " + settings.maxChannelsPerConnection() + " channels per connection");
            return;
        }
        if (channel.startsWith("#")) {
            subscribeToOwnUserChannel(socket, channel);
            return;
        }
        ChannelType type = ChannelType.of(channel);
        String auth = ClientFrame.string(data, "auth");
        if (type == ChannelType.PUBLIC) {
            join(socket, channel);
        } else if (type == ChannelType.PRESENCE) {
            subscribePresence(socket, channel, auth, ClientFrame.string(data, "channel_data"));
        } else if (signed(auth, socket.socketId() + ":" + channel)) {
            join(socket, channel);
        } else {
            refuseSubscription(socket, channel, "AuthError", UNAUTHORIZED, "Invalid signature for '" + channel + "'");
        }
    }

    private void subscribeToOwnUserChannel(LocalSocket socket, String channel) {
        if (socket.userId() != null && channel.equals(PusherProtocol.SERVER_TO_USER_PREFIX + socket.userId())) {
            socket.subscriptions().put(channel, "");
            socket.send(Frames.subscriptionSucceeded(channel, "{}"));
        } else {
            refuseSubscription(socket, channel, "AuthError", UNAUTHORIZED, "Not signed in as the user of '" + channel + "'");
        }
    }

    private void subscribePresence(LocalSocket socket, String channel, String auth, String channelData) {
        if (channelData == null || !signed(auth, socket.socketId() + ":" + channel + ":" + channelData)) {
            refuseSubscription(socket, channel, "AuthError", UNAUTHORIZED, "Invalid signature for '" + channel + "'");
            return;
        }
        Optional<JsonObject> parsed = Json.parseObject(channelData);
        if (parsed.isEmpty()) {
            socket.send(Frames.error(INVALID_MESSAGE, "channel_data is not a JSON object"));
            return;
        }
        JsonObject member = parsed.get();
        JsonElement id = member.get("user_id");
        if (id == null || !id.isJsonPrimitive() || id.getAsString().isEmpty()) {
            socket.send(Frames.error(INVALID_MESSAGE, "channel_data has no user_id"));
            return;
        }
        String userId = id.getAsString();
        String info = member.has("user_info") ? member.get("user_info").toString() : "null";
        // The change, the new subscriber's member list and the others' member_added are queued under the channel's
        // lock, so that every member receives presence events in the order the changes happened.
        List<LocalSocket> told = new ArrayList<>();
        boolean[] full = new boolean[1];
        channels.compute(channel, (name, existing) -> {
            LocalChannel state = existing != null ? existing : new LocalChannel(name);
            if (socket.subscriptions().containsKey(channel)) {
                socket.offer(Frames.subscriptionSucceeded(channel, Frames.presence(state.members())));
                told.add(socket);
                return state;
            }
            if (!state.hasMember(userId) && state.memberCount() >= settings.maxPresenceMembers()) {
                full[0] = true;
                return existing;
            }
            boolean newMember = state.join(userId, info);
            state.subscribers().add(socket);
            socket.subscriptions().put(channel, userId);
            socket.offer(Frames.subscriptionSucceeded(channel, Frames.presence(state.members())));
            told.add(socket);
            if (newMember) {
                tellOthers(state, socket, Frames.memberAdded(channel, userId, info), told);
            }
            return state;
        });
        told.forEach(LocalSocket::flush);
        if (full[0]) {
            refuseSubscription(socket, channel, "LimitReached", OVER_CAPACITY,
                    "Presence channel is full (" + settings.maxPresenceMembers() + " members)");
        }
    }

    private void unsubscribe(LocalSocket socket, String channel) {
        if (channel == null) {
            socket.send(Frames.error(INVALID_MESSAGE, "pusher:unsubscribe needs a channel"));
            return;
        }
        String userId = socket.subscriptions().remove(channel);
        if (userId == null) {
            return;
        }
        List<LocalSocket> told = new ArrayList<>();
        channels.computeIfPresent(channel, (name, state) -> {
            state.subscribers().remove(socket);
            if (!userId.isEmpty() && state.leave(userId)) {
                tellOthers(state, socket, Frames.memberRemoved(channel, userId), told);
            }
            return state.subscribers().isEmpty() ? null : state;
        });
        told.forEach(LocalSocket::flush);
    }

    // Queues a frame for every subscriber but the one that caused it; called under the channel's lock.
    private static void tellOthers(LocalChannel state, LocalSocket cause, String frame, List<LocalSocket> told) {
        for (LocalSocket other : state.subscribers()) {
            if (other != cause) {
                other.offer(frame);
                told.add(other);
            }
        }
    }

    private void signIn(LocalSocket socket, JsonObject data) {
        String userData = ClientFrame.string(data, "user_data");
        if (userData == null || !signed(ClientFrame.string(data, "auth"), socket.socketId() + "::user::" + userData)) {
            socket.send(Frames.error(UNAUTHORIZED, "Invalid signature for the sign-in"));
            return;
        }
        String id = Json.parseObject(userData).map(user -> user.get("id"))
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).orElse("");
        if (id.isEmpty()) {
            socket.send(Frames.error(INVALID_MESSAGE, "user_data has no id"));
            return;
        }
        if (socket.userId() != null && !socket.userId().equals(id)) {
            socket.send(Frames.error(UNAUTHORIZED, "This connection is signed in as another user"));
            return;
        }
        socket.signIn(id);
        users.computeIfAbsent(id, key -> ConcurrentHashMap.newKeySet()).add(socket);
        socket.send(Frames.signinSuccess(userData));
    }

    private void clientEvent(LocalSocket socket, String event, String channel, JsonElement data) {
        if (!settings.clientEvents()) {
            socket.send(Frames.error(OVER_LIMIT, "Client events are not enabled for this app"));
            return;
        }
        ChannelType type = channel == null ? ChannelType.PUBLIC : ChannelType.of(channel);
        if (type != ChannelType.PRIVATE && type != ChannelType.PRESENCE) {
            socket.send(Frames.error(UNAUTHORIZED, "Client events need a private or presence channel"));
            return;
        }
        String userId = socket.subscriptions().get(channel);
        if (userId == null) {
            socket.send(Frames.error(UNAUTHORIZED, "Not subscribed to '" + channel + "'"));
            return;
        }
        if (!socket.allowClientEvent(settings.clientEventsPerSecond(), System.currentTimeMillis())) {
            socket.send(Frames.error(OVER_LIMIT, "Client event rejected: over " + settings.clientEventsPerSecond()
                    + " per second"));
            return;
        }
        metrics.published(LocalServerMetrics.Source.CLIENT);
        String payload = data == null ? "{}" : data.isJsonPrimitive() ? data.getAsString() : data.toString();
        String frame = Frames.event(event, channel, payload, type == ChannelType.PRESENCE ? userId : null);
        LocalChannel target = channels.get(channel);
        if (target != null) {
            target.subscribers().stream().filter(other -> other != socket).forEach(other -> other.send(frame));
        }
    }

    // Subscribers are added and removed inside compute, so that a last unsubscribe removing the channel and a new
    // subscription to it cannot interleave, and subscription_succeeded is queued before any event of the channel.
    private void join(LocalSocket socket, String channel) {
        channels.compute(channel, (name, existing) -> {
            LocalChannel state = existing != null ? existing : new LocalChannel(name);
            state.subscribers().add(socket);
            socket.subscriptions().put(channel, "");
            socket.offer(Frames.subscriptionSucceeded(channel, "{}"));
            return state;
        });
        socket.flush();
    }

    private void refuseSubscription(LocalSocket socket, String channel, String type, int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("error", message);
        error.addProperty("status", code == UNAUTHORIZED ? 401 : code);
        socket.send(Frames.frame("pusher:subscription_error", channel, error.toString()));
        socket.send(Frames.error(code, message));
    }

    private boolean signed(String auth, String text) {
        return auth != null && Hmac.constantTimeEquals(signer.token(text), auth);
    }

}
