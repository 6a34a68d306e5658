package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.Broadcaster;
import io.herald.testing.HeraldServer;
import io.herald.testing.RedisProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import io.herald.internal.signing.Hmac;
import io.herald.internal.signing.RequestVerifier;
import org.junit.jupiter.api.Test;

/**
 * The REST API's publishing limits ({@code rest-publishes-per-second}, {@code rest-queries-per-second}): above them
 * Pusher's libraries get 429 with {@code Retry-After}; Herald's own {@code pusher} driver waits and delivers; over a
 * cluster the limit is the app's, counted in Redis; a body too large for any Pusher request is 413.
 */
class RestLimitsTest {

    /** An event the relay sends on public channel {@code news}. */
    public record Relayed(int n) implements io.herald.CanBroadcast {
        @Override
        public List<io.herald.Channel> broadcastOn() {
            return List.of(new io.herald.Channel("news"));
        }
    }

    // Statuses of `requests` publishes sent at once, and how many wall-clock seconds they spanned.
    private record Burst(List<Integer> statuses, long seconds) {
        long accepted() {
            return statuses.stream().filter(status -> status == 200).count();
        }
    }

    private static Burst publish(int requests, List<Pusher> publishers) {
        long first = System.currentTimeMillis() / 1000;
        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            statuses.add(publishers.get(i % publishers.size()).trigger("news", "Headline", Map.of("n", i))
                    .getHttpStatus());
        }
        return new Burst(statuses, System.currentTimeMillis() / 1000 - first + 1);
    }

    // The text of the first 429 among a few more publishes.
    private static String pusherAnswer(Pusher pusher) {
        for (int i = 0; i < 10; i++) {
            Result result = pusher.trigger("news", "Headline", Map.of());
            if (result.getHttpStatus() == 429) {
                return result.getMessage();
            }
        }
        return "no 429";
    }

    private static Pusher publisher(String hostAndPort) {
        Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, LocalEnv.SECRET);
        pusher.setHost(hostAndPort);
        return pusher;
    }

    @Test
    void publishesOverTheLimitAreRefusedWith429AndRetryAfter() throws Exception {
        try (HeraldServer server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.rest-publishes-per-second=2"));
                Pusher pusher = publisher("127.0.0.1:" + server.port())) {
            Burst burst = publish(12, List.of(pusher));

            assertThat(burst.accepted()).isPositive().isLessThanOrEqualTo(2 * burst.seconds());
            assertThat(burst.statuses()).containsOnly(200, 429);
            assertThat(pusherAnswer(pusher)).isEqualTo("Too many publish requests: over 2 a second for this app");
        }
    }

    // A GET signed as Pusher's libraries sign it (the algorithm's vectors are checked in RequestVerifierTest).
    private static HttpResponse<String> signedGet(HeraldServer server, String path) throws Exception {
        Map<String, String> query = new TreeMap<>(Map.of("auth_key", LocalEnv.KEY, "auth_version", "1.0",
                "auth_timestamp", String.valueOf(System.currentTimeMillis() / 1000)));
        String sorted = RequestVerifier.sortedQuery(query);
        String signature = Hmac.sha256Hex(LocalEnv.SECRET, "GET\n" + path + "\n" + sorted);
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port()
                + path + "?" + sorted + "&auth_signature=" + signature)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void queriesHaveTheirOwnLimit() throws Exception {
        try (HeraldServer server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.rest-queries-per-second=1",
                "broadcast.local.rest-publishes-per-second=1000"));
                Pusher pusher = publisher("127.0.0.1:" + server.port())) {
            long first = System.currentTimeMillis() / 1000;
            List<Integer> statuses = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                statuses.add(pusher.get("/channels").getHttpStatus());
            }
            long seconds = System.currentTimeMillis() / 1000 - first + 1;

            assertThat(statuses.stream().filter(status -> status == 200).count()).isLessThanOrEqualTo(seconds);
            assertThat(statuses).contains(429);
            assertThat(pusher.trigger("news", "Headline", Map.of()).getHttpStatus()).as("publishing is not a query")
                    .isEqualTo(200);
            HttpResponse<String> refused = null;
            for (int i = 0; i < 5 && (refused == null || refused.statusCode() != 429); i++) {
                refused = signedGet(server, "/apps/" + LocalEnv.APP_ID + "/channels");
            }
            assertThat(refused.statusCode()).isEqualTo(429);
            assertThat(refused.headers().firstValue("Retry-After")).hasValue("1");
            assertThat(refused.body()).isEqualTo("Too many queries: over 1 a second for this app");
        }
    }

    @Test
    void heraldsQueuedPusherDriverWaitsOutA429AndDeliversEveryEvent() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (HeraldServer server = HeraldServer.atRootOnPort(port, LocalEnv.config(
                "broadcast.local.rest-publishes-per-second=1", "broadcast.relay.driver=pusher",
                "broadcast.relay.app-id=" + LocalEnv.APP_ID, "broadcast.relay.key=" + LocalEnv.KEY,
                "broadcast.relay.secret=" + LocalEnv.SECRET, "broadcast.relay.host=127.0.0.1",
                "broadcast.relay.port=" + port, "broadcast.relay.ssl=false", "broadcast.relay.async=true",
                "broadcast.relay.senders=1"));
                RawSocket socket = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            socket.socketId();
            socket.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}");
            socket.next();

            Broadcaster relay = server.container().select(Broadcaster.class).get().connection("relay");
            List<java.util.concurrent.CompletableFuture<Void>> sent = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                sent.add(relay.channelAsync(new Relayed(i)).toCompletableFuture());
            }
            java.util.concurrent.CompletableFuture.allOf(sent.toArray(new java.util.concurrent.CompletableFuture[0]))
                    .get(30, java.util.concurrent.TimeUnit.SECONDS);

            List<String> received = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                received.add(socket.next());
            }
            assertThat(received).allMatch(frame -> frame.contains("\"Relayed\""));
            assertThat(String.join("", received)).contains("\\\"n\\\":0", "\\\"n\\\":1", "\\\"n\\\":2");
        }
    }

    @Test
    void aBodyLargerThanAnyPusherRequestIs413() throws Exception {
        try (HeraldServer server = HeraldServer.atRoot(LocalEnv.config())) {
            String body = "{\"name\":\"Big\",\"channel\":\"news\",\"data\":\"" + "x".repeat(300 * 1024) + "\"}";
            try (Pusher pusher = publisher("127.0.0.1:" + server.port())) {
                Result result = pusher.post("/events", body);

                assertThat(result.getHttpStatus()).isEqualTo(413);
                assertThat(result.getMessage()).isEqualTo("Request body over 256 KB");
            }
        }
    }

    @Test
    void theLimitIsTheClustersOverTwoInstancesOnRedis() throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                NodeProcess a = NodeProcess.start("a", ClusterTest.settings(redis,
                        "broadcast.local.rest-publishes-per-second=3"));
                NodeProcess b = NodeProcess.start("b", ClusterTest.settings(redis,
                        "broadcast.local.rest-publishes-per-second=3"));
                Pusher toA = publisher("127.0.0.1:" + a.port());
                Pusher toB = publisher("127.0.0.1:" + b.port())) {
            Burst burst = publish(20, List.of(toA, toB));

            assertThat(burst.accepted()).as("3 a second for the app, not for each instance")
                    .isPositive().isLessThanOrEqualTo(3 * burst.seconds());
            assertThat(burst.statuses()).contains(429);
        }
    }
}
