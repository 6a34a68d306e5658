package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.Broadcaster;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Pusher's HTTP API served by the local driver, called by pusher-http-java, and Herald's own pusher driver. */
class LocalRestApiTest {
    private static HeraldServer server;
    private Pusher pusher;

    @BeforeAll
    static void start() throws Exception {
        int port = freePort();
        server = HeraldServer.atRootOnPort(port, LocalEnv.config(
                "broadcast.relay.driver=pusher", "broadcast.relay.app-id=" + LocalEnv.APP_ID,
                "broadcast.relay.key=" + LocalEnv.KEY, "broadcast.relay.secret=" + LocalEnv.SECRET,
                "broadcast.relay.host=127.0.0.1", "broadcast.relay.port=" + port, "broadcast.relay.ssl=false"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void client() {
        pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, LocalEnv.SECRET);
        pusher.setHost("127.0.0.1:" + server.port());
    }

    @AfterEach
    void closeClient() throws Exception {
        pusher.close();
    }

    private static RawSocket subscribed(String channel) throws Exception {
        RawSocket socket = RawSocket.open(server.webSocket(LocalEnv.KEY));
        String socketId = socket.socketId();
        String auth = channel.startsWith("private-")
                ? ",\"auth\":\"" + LocalEnv.KEY + ":" + Hmac.sha256Hex(LocalEnv.SECRET, socketId + ":" + channel) + "\"" : "";
        socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"" + auth + "}}");
        socket.next();
        return socket;
    }

    @Test
    void pusherHttpJavaTriggerReachesASubscriber() throws Exception {
        try (RawSocket socket = subscribed("news")) {
            Result result = pusher.trigger("news", "Headline", Map.of("title", "Hello"));

            assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(socket.next()).isEqualTo(
                    "{\"event\":\"Headline\",\"channel\":\"news\",\"data\":\"{\\\"title\\\":\\\"Hello\\\"}\"}");
        }
    }

    @Test
    void batchReachesEachChannel() throws Exception {
        try (RawSocket a = subscribed("a"); RawSocket b = subscribed("b")) {
            Result result = pusher.trigger(List.of(new com.pusher.rest.data.Event("a", "One", Map.of()),
                    new com.pusher.rest.data.Event("b", "Two", Map.of())));

            assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(a.next()).contains("\"One\"");
            assertThat(b.next()).contains("\"Two\"");
        }
    }

    @Test
    void excludedSocketDoesNotGetTheEvent() throws Exception {
        try (RawSocket sender = subscribed("news"); RawSocket other = subscribed("news")) {
            pusher.trigger("news", "Hello", Map.of(), sender.id());

            assertThat(other.next()).contains("Hello");
            assertThat(sender.nextAfterPing()).as("nothing before the pong").contains("pusher:pong");
        }
    }

    @Test
    void wrongSignatureIsRefusedWith401() throws Exception {
        try (Pusher impostor = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, "wrong-secret")) {
            impostor.setHost("127.0.0.1:" + server.port());

            Result result = impostor.trigger("news", "Headline", Map.of());

            assertThat(result.getHttpStatus()).isEqualTo(401);
            assertThat(result.getMessage()).contains("Invalid signature");
        }
    }

    @Test
    void unknownAppIsRefusedWith404() throws Exception {
        try (Pusher elsewhere = new Pusher("999", LocalEnv.KEY, LocalEnv.SECRET)) {
            elsewhere.setHost("127.0.0.1:" + server.port());

            assertThat(elsewhere.trigger("news", "Headline", Map.of()).getHttpStatus()).isEqualTo(404);
        }
    }

    @Test
    void oversizedDataIsRefusedWith413() {
        assertThat(pusher.trigger("news", "Big", "x".repeat(11_000)).getHttpStatus()).isEqualTo(413);
    }

    @Test
    void channelsListsOccupiedChannelsWithPresenceUserCounts() throws Exception {
        try (RawSocket socket = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            String socketId = socket.socketId();
            String channelData = "{\"user_id\":\"ada\"}";
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-hall\",\"auth\":\"" + LocalEnv.KEY
                    + ":" + Hmac.sha256Hex(LocalEnv.SECRET, socketId + ":presence-hall:" + channelData)
                    + "\",\"channel_data\":" + new com.google.gson.JsonPrimitive(channelData) + "}}");
            socket.next();

            Result all = pusher.get("/channels", Map.of("filter_by_prefix", "presence-", "info", "user_count"));
            Result one = pusher.get("/channels/presence-hall", Map.of("info", "user_count"));
            Result users = pusher.get("/channels/presence-hall/users");

            assertThat(json(all.getMessage()).getAsJsonObject("channels").getAsJsonObject("presence-hall")
                    .get("user_count").getAsInt()).isEqualTo(1);
            assertThat(json(one.getMessage()).get("occupied").getAsBoolean()).isTrue();
            assertThat(users.getMessage()).isEqualTo("{\"users\":[{\"id\":\"ada\"}]}");
        }
    }

    @Test
    void userCountOnANonPresenceFilterIs400() {
        assertThat(pusher.get("/channels", Map.of("info", "user_count")).getHttpStatus()).isEqualTo(400);
    }

    @Test
    void terminateConnectionsClosesTheUsersSignedInSockets() throws Exception {
        try (RawSocket socket = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            String socketId = socket.socketId();
            String userData = "{\"id\":\"ada\"}";
            socket.send("{\"event\":\"pusher:signin\",\"data\":{\"auth\":\"" + LocalEnv.KEY + ":"
                    + Hmac.sha256Hex(LocalEnv.SECRET, socketId + "::user::" + userData) + "\",\"user_data\":"
                    + new com.google.gson.JsonPrimitive(userData) + "}}");
            assertThat(socket.next()).contains("pusher:signin_success");

            Result result = pusher.post("/users/ada/terminate_connections", "{}");

            assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(socket.next()).contains("4009");
            assertThat(socket.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4009);
        }
    }

    @Test
    void heraldsOwnPusherDriverPublishesThroughTheApi() throws Exception {
        try (RawSocket socket = subscribed("news")) {
            server.container().select(Broadcaster.class).get().connection("relay").channel("news", "Relayed", Map.of("n", 1));

            assertThat(socket.next()).contains("\"Relayed\"");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"pusher_internal:member_added", "pusher_internal:subscription_succeeded", "pusher:error",
            "pusher:connection_established"})
    void reservedEventNamesAreRefusedWith400(String name) throws Exception {
        try (RawSocket socket = subscribed("free-for-all")) {
            Result single = pusher.trigger("free-for-all", name, Map.of("user_id", "mallory"));
            Result batch = pusher.trigger(List.of(new com.pusher.rest.data.Event("free-for-all", name, Map.of())));

            assertThat(single.getHttpStatus()).isEqualTo(400);
            assertThat(single.getMessage()).contains("reserved");
            assertThat(batch.getHttpStatus()).isEqualTo(400);
            assertThat(socket.nextAfterPing()).as("nothing before the pong").contains("pusher:pong");
        }
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 599})
    void timestampFarFromNowIsRefusedWithoutOverflow(long offsetFromOverflow) throws Exception {
        long timestamp = Instant.now().getEpochSecond() + Long.MIN_VALUE + offsetFromOverflow;

        HttpResponse<String> response = signedPost("/apps/" + LocalEnv.APP_ID + "/events",
                "{\"name\":\"Hi\",\"channels\":[\"news\"],\"data\":\"{}\"}", String.valueOf(timestamp));

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("auth_timestamp");
    }

    @ParameterizedTest
    @ValueSource(strings = {"+1764500000", "1764500000.5", "0x69", " 1764500000", "99999999999999999999"})
    void timestampThatIsNotPlainSecondsIsRefused(String timestamp) throws Exception {
        HttpResponse<String> response = signedPost("/apps/" + LocalEnv.APP_ID + "/events",
                "{\"name\":\"Hi\",\"channels\":[\"news\"],\"data\":\"{}\"}", timestamp);

        assertThat(response.statusCode()).isEqualTo(401);
    }

    @Test
    void parameterRepeatedAfterTheSignedQueryIsRefused() throws Exception {
        HttpResponse<String> response = signed("POST", "/apps/" + LocalEnv.APP_ID + "/events", "",
                "{\"name\":\"Hi\",\"channels\":[\"news\"],\"data\":\"{}\"}", now(), "&auth_timestamp=1353088179");

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).isEqualTo("Parameter 'auth_timestamp' is given more than once; each parameter "
                + "must appear once, as signed");
    }

    @Test
    void parameterRepeatedInAnotherCaseIsRefused() throws Exception {
        HttpResponse<String> response = signed("POST", "/apps/" + LocalEnv.APP_ID + "/events", "",
                "{\"name\":\"Hi\",\"channels\":[\"news\"],\"data\":\"{}\"}", now(), "&AUTH_KEY=" + LocalEnv.KEY);

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("'auth_key' is given more than once");
    }

    @Test
    void queryParameterRepeatedOnAReadIsRefused() throws Exception {
        String path = "/apps/" + LocalEnv.APP_ID + "/channels";

        HttpResponse<String> genuine = signed("GET", path, "&filter_by_prefix=presence-&info=user_count", "", now(), "");
        HttpResponse<String> extended = signed("GET", path, "&filter_by_prefix=presence-&info=user_count", "", now(),
                "&filter_by_prefix=private-");

        assertThat(genuine.statusCode()).isEqualTo(200);
        assertThat(extended.statusCode()).isEqualTo(401);
        assertThat(extended.body()).contains("'filter_by_prefix' is given more than once");
    }

    private static String now() {
        return String.valueOf(Instant.now().getEpochSecond());
    }

    // A request signed as Pusher specifies, with a timestamp of the test's choosing.
    private static HttpResponse<String> signedPost(String path, String body, String timestamp) throws Exception {
        return signed("POST", path, "", body, timestamp, "");
    }

    // A request signed as Pusher specifies (extra parameters in sorted order), then 'unsigned' appended after it.
    private static HttpResponse<String> signed(String method, String path, String extra, String body, String timestamp,
            String unsigned) throws Exception {
        String md5 = java.util.HexFormat.of().formatHex(java.security.MessageDigest.getInstance("MD5")
                .digest(body.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        String query = "auth_key=" + LocalEnv.KEY + "&auth_timestamp=" + timestamp + "&auth_version=1.0"
                + (body.isEmpty() ? "" : "&body_md5=" + md5) + extra;
        String signature = Hmac.sha256Hex(LocalEnv.SECRET, method + "\n" + path + "\n" + query);
        URI uri = URI.create("http://127.0.0.1:" + server.port() + path + "?" + query.replace(" ", "%20")
                + "&auth_signature=" + signature + unsigned);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        if (method.equals("POST")) {
            request.header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body));
        }
        return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static JsonObject json(String text) {
        return JsonParser.parseString(text).getAsJsonObject();
    }

    private static int freePort() throws java.io.IOException {
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
