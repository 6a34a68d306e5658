package io.herald.internal.local;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.herald.ChannelType;
import io.herald.auth.PublicSubscriptionGuard;
import io.herald.internal.HeraldLog;
import io.herald.internal.background.Ticker;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.Fanout;
import io.herald.internal.cluster.PresenceJoin;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.Json;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.internal.signing.ChannelSigner;
import io.herald.internal.signing.Hmac;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import static io.herald.internal.protocol.PusherProtocol.INVALID_MESSAGE;
import static io.herald.internal.protocol.PusherProtocol.OVER_CAPACITY;
import static io.herald.internal.protocol.PusherProtocol.OVER_LIMIT;
import static io.herald.internal.protocol.PusherProtocol.UNAUTHORIZED;

/**
 * Pusher's client protocol (7; clients asking for 5 get the same): client frames in, server frames out. It checks
 * what a client asks for (signatures, names, limits) and hands what is allowed to the registry and the fan-out. Frames
 * from one connection arrive one at a time.
 */
final class ProtocolHandler {
    private static final int MESSAGE_TOO_BIG = 1009;

    private final LocalSettings settings;
    private final LocalServerMetrics metrics;
    private final ChannelRegistry registry;
    private final Fanout fanout;
    private final ChannelFacts facts;
    private final List<ChannelSigner> signers;
    private final Ticker ticker;
    private final PublicSubscriptions publicSubscriptions;

    ProtocolHandler(LocalSettings settings, LocalServerMetrics metrics, ChannelRegistry registry, Fanout fanout,
            ChannelFacts facts, Ticker ticker, PublicSubscriptions publicSubscriptions) {
        this.ticker = ticker;
        this.publicSubscriptions = publicSubscriptions;
        this.settings = settings;
        this.metrics = metrics;
        this.registry = registry;
        this.fanout = fanout;
        this.facts = facts;
        this.signers = settings.secrets().stream()
                .map(secret -> new ChannelSigner(settings.key(), secret, Optional.empty())).toList();
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
        if (PusherProtocol.isServerChannel(channel)) {
            subscribeToOwnUserChannel(socket, channel);
            return;
        }
        ChannelType type = ChannelType.of(channel);
        String auth = ClientFrame.string(data, "auth");
        if (type == ChannelType.PUBLIC) {
            Optional<PublicSubscriptionGuard.Refusal> refusal = publicSubscriptions.refusal(channel, socket);
            if (refusal.isPresent()) {
                metrics.refused("subscription");
                HeraldLog.publicSubscriptionRefused(channel, refusal.get().status(), refusal.get().reason());
                refuseSubscription(socket, channel, "AuthError", refusal.get().status(), refusal.get().reason());
                return;
            }
            subscribePlain(socket, channel);
        } else if (type == ChannelType.PRESENCE) {
            subscribePresence(socket, channel, auth, ClientFrame.string(data, "channel_data"));
        } else if (signed(auth, socket.socketId() + ":" + channel)) {
            subscribePlain(socket, channel);
        } else {
            refuseSubscription(socket, channel, "AuthError", UNAUTHORIZED, "Invalid signature for '" + channel + "'");
        }
    }

    private void subscribePlain(LocalSocket socket, String channel) {
        registry.subscribe(socket, channel, settings.channel(channel).maxSubscribers()).thenAccept(outcome -> {
            if (outcome == ChannelRegistry.Admission.FULL) {
                refuseFull(socket, channel);
            } else if (outcome == ChannelRegistry.Admission.UNCOUNTED) {
                refuseUnreachable(socket, channel);
            }
        });
    }

    private void subscribeToOwnUserChannel(LocalSocket socket, String channel) {
        if (socket.userId() != null && channel.equals(PusherProtocol.SERVER_TO_USER_PREFIX + socket.userId())) {
            registry.subscribeOwnUserChannel(socket, channel);
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
        String info = member.has("user_info") ? member.get("user_info").toString() : "null";
        ChannelOptions options = settings.channel(channel);
        registry.joinPresence(socket, PresenceJoin.subscription(channel, socket.socketId(), id.getAsString(), info,
                        options.maxPresenceMembers()), options.maxSubscribers())
                .whenComplete((outcome, failure) -> {
                    if (failure != null) {
                        refuseUnreachable(socket, channel);
                    } else if (outcome == Fanout.JoinOutcome.FULL) {
                        refuseSubscription(socket, channel, "LimitReached", OVER_CAPACITY,
                                "Presence channel is full (" + options.maxPresenceMembers() + " members)");
                    } else if (outcome == Fanout.JoinOutcome.SUBSCRIBERS_FULL) {
                        refuseFull(socket, channel);
                    }
                });
    }

    private void refuseFull(LocalSocket socket, String channel) {
        int maxSubscribers = settings.channel(channel).maxSubscribers();
        metrics.refused("max-subscribers");
        HeraldLog.channelFull(channel, maxSubscribers);
        refuseSubscription(socket, channel, "LimitReached", OVER_CAPACITY, "Channel is full (" + maxSubscribers
                + " subscribers)");
    }

    private void refuseUnreachable(LocalSocket socket, String channel) {
        refuseSubscription(socket, channel, "ServiceUnavailable", 503, "The cluster is unreachable; subscribe again later");
    }

    private void unsubscribe(LocalSocket socket, String channel) {
        if (channel == null) {
            socket.send(Frames.error(INVALID_MESSAGE, "pusher:unsubscribe needs a channel"));
            return;
        }
        if (!channel.equals(Watchlists.ONLINE)) {
            registry.unsubscribe(socket, channel);
        }
    }

    private void signIn(LocalSocket socket, JsonObject data) {
        String userData = ClientFrame.string(data, "user_data");
        if (userData == null || !signed(ClientFrame.string(data, "auth"), socket.socketId() + "::user::" + userData)) {
            socket.send(Frames.error(UNAUTHORIZED, "Invalid signature for the sign-in"));
            return;
        }
        Optional<JsonObject> user = Json.parseObject(userData);
        String id = user.map(fields -> fields.get("id"))
                .filter(JsonElement::isJsonPrimitive).map(JsonElement::getAsString).orElse("");
        if (id.isEmpty()) {
            socket.send(Frames.error(INVALID_MESSAGE, "user_data has no id"));
            return;
        }
        if (socket.userId() != null && !socket.userId().equals(id)) {
            socket.send(Frames.error(UNAUTHORIZED, "This connection is signed in as another user"));
            return;
        }
        List<String> watchlist = watchlist(user.get());
        boolean overLimit = watchlist.size() > PusherProtocol.MAX_WATCHLIST;
        registry.signIn(socket, id, overLimit ? watchlist.subList(0, PusherProtocol.MAX_WATCHLIST) : watchlist, () -> {
            socket.send(Frames.signinSuccess(userData));
            if (overLimit) {
                socket.send(Frames.error(PusherProtocol.WATCHLIST_LIMIT, "Watchlist over "
                        + PusherProtocol.MAX_WATCHLIST + " users: only the first " + PusherProtocol.MAX_WATCHLIST
                        + " are watched"));
            }
        });
    }

    private static List<String> watchlist(JsonObject user) {
        JsonElement list = user.get("watchlist");
        List<String> ids = new ArrayList<>();
        if (list != null && list.isJsonArray()) {
            for (JsonElement id : list.getAsJsonArray()) {
                if (id.isJsonPrimitive() && !ids.contains(id.getAsString())) {
                    ids.add(id.getAsString());
                }
            }
        }
        return ids;
    }

    private void clientEvent(LocalSocket socket, String event, String channel, JsonElement data) {
        if (!settings.channel(channel == null ? "" : channel).clientEvents()) {
            socket.send(Frames.error(OVER_LIMIT, "Client events are not enabled "
                    + (channel == null ? "for this app" : "on '" + channel + "'")));
            return;
        }
        ChannelType type = channel == null ? ChannelType.PUBLIC : ChannelType.of(channel);
        if (type != ChannelType.PRIVATE && type != ChannelType.PRESENCE) {
            socket.send(Frames.error(UNAUTHORIZED, "Client events need a private or presence channel"));
            return;
        }
        Subscription subscription = socket.subscriptions().get(channel);
        if (subscription == null || subscription == Subscription.PENDING) {
            socket.send(Frames.error(UNAUTHORIZED, "Not subscribed to '" + channel + "'"));
            return;
        }
        if (!socket.allowClientEvent(settings.clientEventsPerSecond(), ticker.nanos() / 1_000_000)) {
            socket.send(Frames.error(OVER_LIMIT, "Client event rejected: over " + settings.clientEventsPerSecond()
                    + " per second"));
            return;
        }
        metrics.published(LocalServerMetrics.Source.CLIENT);
        String payload = data == null ? "{}" : data.isJsonPrimitive() ? data.getAsString() : data.toString();
        String member = subscription instanceof Subscription.Presence presence ? presence.userId() : null;
        fanout.publishAsync(new ClusterMessage.Published(List.of(channel), event, payload, socket.socketId(), member))
                .whenComplete((done, failure) -> {
                    if (failure != null) {
                        socket.send(Frames.error(null, "Client event '" + event + "' not delivered: the cluster is "
                                + "unreachable"));
                    } else {
                        facts.clientEvent(channel, event, payload, socket.socketId(), member);
                    }
                });
    }

    private void refuseSubscription(LocalSocket socket, String channel, String type, int code, String message) {
        JsonObject error = new JsonObject();
        error.addProperty("type", type);
        error.addProperty("error", message);
        error.addProperty("status", code == UNAUTHORIZED ? 401 : code);
        socket.send(Frames.frame("pusher:subscription_error", channel, error.toString()));
        if (code >= 4000) {
            socket.send(Frames.error(code, message));
        }
    }

    // Made with the secret or, during a rotation, a previous one; every one is tried, so timing tells none apart.
    private boolean signed(String auth, String text) {
        if (auth == null) {
            return false;
        }
        boolean genuine = false;
        for (ChannelSigner signer : signers) {
            genuine |= Hmac.constantTimeEquals(signer.token(text), auth);
        }
        return genuine;
    }
}
