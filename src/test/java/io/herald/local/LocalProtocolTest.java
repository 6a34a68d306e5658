package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The wire protocol frame by frame: refusals, limits and bad input, over a bare WebSocket. */
class LocalProtocolTest {
    private static final String TIGHT_KEY = "tight-key";
    private static final String TIGHT_SECRET = "tight-secret";
    private static HeraldServer server;

    @BeforeAll
    static void start() {
        server = HeraldServer.atRoot(LocalEnv.config(
                "broadcast.tight.driver=local", "broadcast.tight.app-id=7", "broadcast.tight.key=" + TIGHT_KEY,
                "broadcast.tight.secret=" + TIGHT_SECRET, "broadcast.tight.max-channels-per-connection=2",
                "broadcast.tight.max-presence-members=1",
                "broadcast.quota.driver=local", "broadcast.quota.app-id=9", "broadcast.quota.key=quota-key",
                "broadcast.quota.secret=quota-secret", "broadcast.quota.max-connections=2",
                "broadcast.idle.driver=local", "broadcast.idle.app-id=8", "broadcast.idle.key=idle-key",
                "broadcast.idle.secret=idle-secret", "broadcast.idle.idle-timeout=1"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawSocket open(String key) throws Exception {
        return RawSocket.open(server.webSocket(key));
    }

    private static JsonObject json(String frame) {
        return JsonParser.parseString(frame).getAsJsonObject();
    }

    private static JsonObject data(String frame) {
        return JsonParser.parseString(json(frame).get("data").getAsString()).getAsJsonObject();
    }

    private static String auth(String key, String secret, String text) {
        return key + ":" + Hmac.sha256Hex(secret, text);
    }

    @Test
    void connectionIsEstablishedWithSocketIdAndActivityTimeout() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            JsonObject established = data(socket.next());

            assertThat(established.get("socket_id").getAsString()).matches("\\d+\\.\\d+");
            assertThat(established.get("activity_timeout").getAsInt()).isPositive();
        }
    }

    @Test
    void pingIsAnsweredWithPongCarryingData() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:ping\"}");

            assertThat(socket.next()).isEqualTo("{\"event\":\"pusher:pong\",\"data\":\"{}\"}");
        }
    }

    @Test
    void frameThatIsNotJsonGetsAnErrorAndTheConnectionGoesOn() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("this is not json");
            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4200);

            socket.send("{\"event\":\"pusher:ping\",\"data\":{}}");
            assertThat(json(socket.next()).get("event").getAsString()).isEqualTo("pusher:pong");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'event':'pusher:ping'}", "{event:'pusher:ping'}", "{\"event\":\"pusher:ping\";\"x\":1}",
            "{\"event\":\"pusher:ping\"} trailing", "{\"event\":\"pusher:ping\",}", "/*c*/{\"event\":\"pusher:ping\"}"})
    void frameThatIsNotStrictJsonGets4200(String frame) throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send(frame);

            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4200);
        }
    }

    @Test
    void singleQuotedSubscribeDoesNotSubscribe() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{'event':'pusher:subscribe','data':{'channel':'releases'}}");

            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4200);
            server.container().select(io.herald.Broadcaster.class).get().channel("releases", "Tick", "{}");
            assertThat(socket.nextAfterPing()).as("nothing before the pong").contains("pusher:pong");
        }
    }

    @Test
    void unknownEventGetsAnError() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:dance\",\"data\":{}}");

            assertThat(data(socket.next()).get("message").getAsString()).contains("pusher:dance");
        }
    }

    @Test
    void subscribeWithoutAChannelGetsAnError() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{}}");

            assertThat(json(socket.next()).get("event").getAsString()).isEqualTo("pusher:error");
        }
    }

    @Test
    void oversizedFrameGetsAnError() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"client-x\",\"channel\":\"private-a\",\"data\":\"" + "x".repeat(11_000) + "\"}");

            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4301);
        }
    }

    @Test
    void publicSubscriptionWithEmptyAuthSucceeds() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"auth\":\"\",\"channel\":\"releases\"}}");

            assertThat(socket.next())
                    .isEqualTo("{\"event\":\"pusher_internal:subscription_succeeded\",\"channel\":\"releases\",\"data\":\"{}\"}");
        }
    }

    @Test
    void presenceSubscriptionListsItselfAsMember() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            String socketId = socket.socketId();
            String channelData = "{\"user_id\":\"ada\",\"user_info\":{\"name\":\"Ada\"}}";
            socket.send(subscribe("presence-room", auth(LocalEnv.KEY, LocalEnv.SECRET,
                    socketId + ":presence-room:" + channelData), channelData));

            JsonObject presence = data(socket.next()).getAsJsonObject("presence");
            assertThat(presence.get("count").getAsInt()).isEqualTo(1);
            assertThat(presence.getAsJsonArray("ids").get(0).getAsString()).isEqualTo("ada");
            assertThat(presence.getAsJsonObject("hash").getAsJsonObject("ada").get("name").getAsString()).isEqualTo("Ada");
        }
    }

    @Test
    void presenceSignatureMustCoverTheChannelDataSent() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            String socketId = socket.socketId();
            String signedFor = "{\"user_id\":\"ada\"}";
            socket.send(subscribe("presence-room", auth(LocalEnv.KEY, LocalEnv.SECRET,
                    socketId + ":presence-room:" + signedFor), "{\"user_id\":\"admin\"}"));

            assertThat(socket.next()).contains("pusher:subscription_error");
        }
    }

    @Test
    void privateTokenForAnotherSocketIsRefused() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send(subscribe("private-a", auth(LocalEnv.KEY, LocalEnv.SECRET, "1.1:private-a"), null));

            assertThat(socket.next()).contains("pusher:subscription_error").contains("AuthError");
        }
    }

    @Test
    void clientEventOnAPublicChannelIsRefused() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"releases\"}}");
            socket.next();
            socket.send("{\"event\":\"client-hi\",\"channel\":\"releases\",\"data\":{}}");

            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4009);
        }
    }

    @Test
    void clientEventsOverTenASecondAreRefusedWith4301() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            String socketId = socket.socketId();
            socket.send(subscribe("private-chat", auth(LocalEnv.KEY, LocalEnv.SECRET, socketId + ":private-chat"), null));
            socket.next();
            for (int i = 0; i < 11; i++) {
                socket.send("{\"event\":\"client-hi\",\"channel\":\"private-chat\",\"data\":{}}");
            }

            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4301);
        }
    }

    @Test
    void clientEventsAreRefusedWhereNotEnabled() throws Exception {
        try (RawSocket socket = open(TIGHT_KEY)) {
            String socketId = socket.socketId();
            socket.send(subscribe("private-chat", auth(TIGHT_KEY, TIGHT_SECRET, socketId + ":private-chat"), null));
            socket.next();
            socket.send("{\"event\":\"client-hi\",\"channel\":\"private-chat\",\"data\":{}}");

            assertThat(data(socket.next()).get("message").getAsString()).contains("not enabled");
        }
    }

    @Test
    void channelsOverTheConnectionLimitAreRefused() throws Exception {
        try (RawSocket socket = open(TIGHT_KEY)) {
            socket.socketId();
            for (String channel : new String[] {"a", "b", "c"}) {
                socket.subscribe(channel);
            }
            socket.next();
            socket.next();

            assertThat(socket.next()).contains("pusher:subscription_error").contains("LimitReached");
        }
    }

    @Test
    void fullPresenceChannelRefusesANewMemberWith4100() throws Exception {
        try (RawSocket first = open(TIGHT_KEY); RawSocket second = open(TIGHT_KEY)) {
            joinPresence(first, first.socketId(), "ada");
            first.next();
            joinPresence(second, second.socketId(), "bob");

            second.next();
            assertThat(data(second.next()).get("code").getAsInt()).isEqualTo(4100);
        }
    }

    @Test
    void connectionsOverTheAppQuotaAreClosedWith4004() throws Exception {
        try (RawSocket first = open("quota-key"); RawSocket second = open("quota-key");
                RawSocket third = open("quota-key")) {
            first.socketId();
            second.socketId();

            assertThat(data(third.next()).get("code").getAsInt()).isEqualTo(4004);
            assertThat(third.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4004);
        }
    }

    @Test
    void unknownKeyGetsErrorThenClose4001() throws Exception {
        try (RawSocket socket = open("nobody")) {
            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4001);
            assertThat(socket.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4001);
        }
    }

    @Test
    void signInWithABadSignatureIsRefused() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"" + LocalEnv.KEY + ":00\",\"user_data\":\"{\\\"id\\\":\\\"1\\\"}\"}}");

            assertThat(data(socket.next()).get("code").getAsInt()).isEqualTo(4009);
        }
    }

    @Test
    void anotherUsersServerToUserChannelIsRefused() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"#server-to-user-1\"}}");

            assertThat(socket.next()).contains("pusher:subscription_error");
        }
    }

    @Test
    void silentConnectionIsClosedAfterTheIdleTimeout() throws Exception {
        try (RawSocket socket = open("idle-key")) {
            socket.socketId();

            assertThat(socket.closedWith.get(10, TimeUnit.SECONDS)).isNotNull();
        }
    }

    @Test
    void unsubscribedSocketNoLongerReceivesTheChannel() throws Exception {
        try (RawSocket socket = open(LocalEnv.KEY)) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"ticker\"}}");
            socket.next();
            socket.send("{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"ticker\"}}");
            socket.send("{\"event\":\"pusher:ping\"}");
            socket.next();

            server.container().select(io.herald.Broadcaster.class).get().channel("ticker", "Tick", "{}");

            assertThat(socket.nextAfterPing()).as("nothing before the pong").contains("pusher:pong");
        }
    }

    private static void joinPresence(RawSocket socket, String socketId, String user) {
        String channelData = "{\"user_id\":\"" + user + "\"}";
        socket.send(subscribe("presence-tight", auth(TIGHT_KEY, TIGHT_SECRET, socketId + ":presence-tight:" + channelData),
                channelData));
    }

    private static String subscribe(String channel, String auth, String channelData) {
        JsonObject data = new JsonObject();
        data.addProperty("channel", channel);
        data.addProperty("auth", auth);
        if (channelData != null) {
            data.addProperty("channel_data", channelData);
        }
        JsonObject frame = new JsonObject();
        frame.addProperty("event", "pusher:subscribe");
        frame.add("data", data);
        return frame.toString();
    }
}
