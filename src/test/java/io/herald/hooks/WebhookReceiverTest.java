package io.herald.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.events.CacheMiss;
import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.ChannelVacated;
import io.herald.events.ClientEventReceived;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.events.OnConnection;
import io.herald.events.SubscriptionCountChanged;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook endpoint, {@code POST broadcasting/webhooks}, as Pusher (or any Pusher-compatible server) calls it:
 * each signed webhook becomes the application's CDI events; anything else gets the documented answer.
 */
class WebhookReceiverTest {
    // The reference's example: this body signed with this secret gives this signature (checked there with
    // pusher-http-java's validateWebhookSignature).
    private static final String REFERENCE_BODY =
            "{\"time_ms\":1327078148132,\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"my-channel\"}]}";
    private static final String REFERENCE_SECRET = "7ad3773142a6692b25b8";
    private static final String REFERENCE_SIGNATURE = "c19001ae3963ccb13bf618e5b16ba9848e7e74df0993aa0689168e341c6833cf";
    private static final String KEY = "webhook-key";
    private static final String SECRET = "webhook-secret";
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private HeraldServer server;

    /** The application's observers. */
    @Singleton
    public static class Observers {
        final List<ChannelEvent> seen = new CopyOnWriteArrayList<>();
        volatile boolean fail;

        void any(@Observes @OnConnection("pusher") ChannelEvent event) {
            seen.add(event);
            if (fail) {
                throw new IllegalStateException("an observer's bug");
            }
        }
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Observers start(String... extra) {
        Map<String, String> config = new java.util.HashMap<>(Map.of(
                "broadcast.default", "pusher",
                "broadcast.pusher.driver", "pusher",
                "broadcast.pusher.app-id", "1",
                "broadcast.pusher.key", KEY,
                "broadcast.pusher.secret", SECRET));
        for (String entry : extra) {
            config.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        server = HeraldServer.start(config, Observers.class);
        return server.container().select(Observers.class).get();
    }

    @Test
    void theReferenceWebhookIsAcceptedAndBecomesACdiEvent() throws Exception {
        Observers observers = start("broadcast.pusher.key=278d425bdf160c739803", "broadcast.pusher.secret=" + REFERENCE_SECRET,
                "broadcast.webhooks.max-age-seconds=999999999");

        HttpResponse<String> answer = post("broadcasting/webhooks", "278d425bdf160c739803", REFERENCE_SIGNATURE,
                REFERENCE_BODY);

        assertThat(answer.statusCode()).isEqualTo(200);
        await().until(() -> !observers.seen.isEmpty());
        assertThat(observers.seen).containsExactly(
                new ChannelOccupied("pusher", "my-channel", Instant.ofEpochMilli(1327078148132L)));
    }

    @Test
    void everyKindBecomesItsOwnEvent() throws Exception {
        Observers observers = start();
        long now = System.currentTimeMillis();
        String body = "{\"time_ms\":" + now + ",\"events\":["
                + "{\"name\":\"channel_occupied\",\"channel\":\"presence-room\"},"
                + "{\"name\":\"member_added\",\"channel\":\"presence-room\",\"user_id\":\"ada\"},"
                + "{\"name\":\"client_event\",\"channel\":\"presence-room\",\"event\":\"client-typing\","
                + "\"data\":\"{\\\"who\\\":\\\"ada\\\"}\",\"socket_id\":\"1.2\",\"user_id\":\"ada\"},"
                + "{\"name\":\"member_removed\",\"channel\":\"presence-room\",\"user_id\":\"ada\"},"
                + "{\"name\":\"channel_vacated\",\"channel\":\"presence-room\"},"
                + "{\"name\":\"cache_miss\",\"channel\":\"cache-prices\"},"
                + "{\"name\":\"subscription_count\",\"channel\":\"news\",\"subscription_count\":3},"
                + "{\"name\":\"a_kind_from_the_future\",\"channel\":\"news\"}]}";

        assertThat(post("broadcasting/webhooks", KEY, Hmac.sha256Hex(SECRET, body), body).statusCode()).isEqualTo(200);

        Instant time = Instant.ofEpochMilli(now);
        await().until(() -> observers.seen.size() == 7);
        assertThat(observers.seen).containsExactly(
                new ChannelOccupied("pusher", "presence-room", time),
                new MemberAdded("pusher", "presence-room", "ada", time),
                new ClientEventReceived("pusher", "presence-room", "client-typing", "{\"who\":\"ada\"}", "1.2",
                        Optional.of("ada"), time),
                new MemberRemoved("pusher", "presence-room", "ada", time),
                new ChannelVacated("pusher", "presence-room", time),
                new CacheMiss("pusher", "cache-prices", time),
                new SubscriptionCountChanged("pusher", "news", 3, time));
    }

    @Test
    void anUnknownKeyIsRefused() throws Exception {
        start();
        String body = fresh();

        HttpResponse<String> answer = post("broadcasting/webhooks", "another-key", Hmac.sha256Hex(SECRET, body), body);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("No connection has the key of this webhook");
    }

    @Test
    void aWrongSignatureIsRefused() throws Exception {
        Observers observers = start();
        String body = fresh();

        HttpResponse<String> answer = post("broadcasting/webhooks", KEY, Hmac.sha256Hex("not-the-secret", body), body);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("The webhook's signature does not match its body");
        assertThat(observers.seen).isEmpty();
    }

    @Test
    void aSignatureHeaderGivenTwiceIsRefused() throws Exception {
        Observers observers = start();
        String body = fresh();

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.uri("broadcasting/webhooks"))
                .header("Content-Type", "application/json").header("X-Pusher-Key", KEY)
                .header("X-Pusher-Signature", Hmac.sha256Hex(SECRET, body))
                .header("X-Pusher-Signature", Hmac.sha256Hex("not-the-secret", body))
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("A webhook needs the X-Pusher-Key and X-Pusher-Signature headers, each once");
        assertThat(observers.seen).isEmpty();
    }

    @Test
    void missingHeadersAreRefused() throws Exception {
        start();

        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.uri("broadcasting/webhooks"))
                .POST(HttpRequest.BodyPublishers.ofString(fresh())).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(401);
    }

    @Test
    void aWebhookOlderThanTheWindowIsRefusedAsAReplay() throws Exception {
        Observers observers = start();
        String body = "{\"time_ms\":" + (System.currentTimeMillis() - 6 * 60_000)
                + ",\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"news\"}]}";

        HttpResponse<String> answer = post("broadcasting/webhooks", KEY, Hmac.sha256Hex(SECRET, body), body);

        assertThat(answer.statusCode()).isEqualTo(401);
        assertThat(answer.body()).isEqualTo("The webhook is older than 300 s (time_ms); a replay is refused");
        assertThat(observers.seen).isEmpty();
    }

    @Test
    void aBodyThatIsNotAWebhookIsABadRequest() throws Exception {
        start();
        for (String body : List.of("{'time_ms':1}", "{\"events\":[]}", "{\"time_ms\":1,\"events\":[{\"name\":\"x\"}]}",
                "{\"time_ms\":1,\"events\":[{\"name\":\"member_added\",\"channel\":\"presence-a\"}]}")) {
            HttpResponse<String> answer = post("broadcasting/webhooks", KEY, Hmac.sha256Hex(SECRET, body), body);

            assertThat(answer.statusCode()).as(body).isEqualTo(400);
        }
    }

    @Test
    void anObserverThatThrowsIsLoggedAndTheAnswerIsStill200() throws Exception {
        Observers observers = start();
        observers.fail = true;
        String body = fresh();
        try (LogCapture log = LogCapture.everything()) {
            HttpResponse<String> answer = post("broadcasting/webhooks", KEY, Hmac.sha256Hex(SECRET, body), body);

            assertThat(answer.statusCode()).isEqualTo(200);
            await().untilAsserted(() -> assertThat(log.text()).contains("HERALD-0217"));
        }
    }

    @Test
    void theEndpointMovesToTheConfiguredPath() throws Exception {
        start("broadcast.webhooks.path=/hooks/pusher/");
        String body = fresh();

        assertThat(post("hooks/pusher", KEY, Hmac.sha256Hex(SECRET, body), body).statusCode()).isEqualTo(200);
        assertThat(post("broadcasting/webhooks", KEY, Hmac.sha256Hex(SECRET, body), body).statusCode()).isEqualTo(404);
    }

    private static String fresh() {
        return "{\"time_ms\":" + System.currentTimeMillis() + ",\"events\":[{\"name\":\"channel_occupied\","
                + "\"channel\":\"news\"}]}";
    }

    private HttpResponse<String> post(String path, String key, String signature, String body) throws Exception {
        URI uri = server.uri(path);
        return HTTP.send(HttpRequest.newBuilder(uri).header("Content-Type", "application/json")
                .header("X-Pusher-Key", key).header("X-Pusher-Signature", signature)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }
}
