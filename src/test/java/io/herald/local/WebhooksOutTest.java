package io.herald.local;

import io.herald.testing.NodeTestRun;
import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Validity;
import com.sun.net.httpserver.HttpServer;
import io.herald.events.ChannelEvent;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The {@code local} server's webhooks, received by a small HTTP server in the test and checked by the real
 * verifiers: pusher-http-java's {@code validateWebhookSignature} and the Node {@code pusher} library's
 * {@code pusher.webhook(...)}.
 */
class WebhooksOutTest {
    private HttpServer receiver;
    private final List<Request> requests = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger secondUrlBodies = new AtomicInteger();
    private HeraldServer server;

    /** One webhook as it arrived. */
    record Request(String key, String signature, String contentType, String body) {
    }

    /** The application's observers. */
    @Singleton
    public static class Observers {
        final List<String> seen = new CopyOnWriteArrayList<>();

        void any(@Observes ChannelEvent event) {
            String who = event instanceof MemberAdded added ? " " + added.userId()
                    : event instanceof MemberRemoved removed ? " " + removed.userId() : "";
            seen.add(event.getClass().getSimpleName() + " " + event.channel() + who);
        }
    }

    @BeforeEach
    void startReceiver() throws IOException {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        receiver.createContext("/second", exchange -> {
            exchange.getRequestBody().readAllBytes();
            secondUrlBodies.incrementAndGet();
            exchange.sendResponseHeaders(200, -1);
            exchange.close();
        });
        receiver.createContext("/hooks", exchange -> {
            byte[] body = exchange.getRequestBody().readAllBytes();
            requests.add(new Request(exchange.getRequestHeaders().getFirst("X-Pusher-Key"),
                    exchange.getRequestHeaders().getFirst("X-Pusher-Signature"),
                    exchange.getRequestHeaders().getFirst("Content-Type"), new String(body, StandardCharsets.UTF_8)));
            Integer status = answers.poll();
            exchange.sendResponseHeaders(status == null ? 200 : status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
        receiver.stop(0);
    }

    private String hooksUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hooks";
    }

    @Test
    void webhooksArePusherFormatSignedWithTheSecretAndValidForPusherHttpJava() throws Exception {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl()));
        joinAndLeave("presence-wh");

        await().untilAsserted(() -> assertThat(eventNames()).containsExactly("channel_occupied presence-wh",
                "member_added presence-wh ada", "member_removed presence-wh ada", "channel_vacated presence-wh"));
        try (Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, LocalEnv.SECRET)) {
            for (Request request : requests) {
                assertThat(request.key()).isEqualTo(LocalEnv.KEY);
                assertThat(request.contentType()).isEqualTo("application/json");
                assertThat(pusher.validateWebhookSignature(request.key(), request.signature(), request.body()))
                        .isEqualTo(Validity.VALID);
            }
        }
    }

    @Test
    void aPageReloadWithinTheGracePeriodSendsNoLeaveAndReturn() throws Exception {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl(),
                "broadcast.local.webhooks.grace-ms=2000"), Observers.class);
        joinAndLeave("presence-reload");
        joinAndLeave("presence-reload");
        await().untilAsserted(() -> assertThat(eventNames()).containsExactly("channel_occupied presence-reload",
                "member_added presence-reload ada", "member_removed presence-reload ada",
                "channel_vacated presence-reload"));

        assertThat(server.container().select(Observers.class).get().seen).as("CDI channel events stay immediate "
                + "unless channel-events.grace-ms says otherwise")
                .containsExactly("ChannelOccupied presence-reload", "MemberAdded presence-reload ada",
                        "MemberRemoved presence-reload ada", "ChannelVacated presence-reload",
                        "ChannelOccupied presence-reload", "MemberAdded presence-reload ada",
                        "MemberRemoved presence-reload ada", "ChannelVacated presence-reload");
    }

    @Test
    void channelEventsWithTheirOwnGracePeriodSeeAPageReloadAsNothing() throws Exception {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.channel-events.grace-ms=2000"), Observers.class);
        Observers observers = server.container().select(Observers.class).get();
        joinAndLeave("presence-reload");
        joinAndLeave("presence-reload");
        try (JavaClient marker = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            marker.pusher.subscribe("marker", marker.listener);
            next(marker.subscribed);
        }
        // Observers hear of changes in order: once the marker's arrival is seen, so is everything before it.
        await().atMost(Duration.ofSeconds(10)).until(() -> observers.seen.contains("ChannelOccupied marker"));
        assertThat(observers.seen).filteredOn(seen -> seen.contains("presence-reload"))
                .as("a leave waits for its grace period")
                .containsExactly("ChannelOccupied presence-reload", "MemberAdded presence-reload ada");

        await().atMost(Duration.ofSeconds(10)).until(() -> observers.seen.contains("ChannelVacated presence-reload"));
        assertThat(observers.seen).filteredOn(seen -> seen.contains("presence-reload"))
                .as("the reload is neither a leave nor a return").containsExactly("ChannelOccupied presence-reload",
                        "MemberAdded presence-reload ada", "MemberRemoved presence-reload ada",
                        "ChannelVacated presence-reload");
    }

    @Test
    void theNodePusherLibraryFindsTheWebhooksValidAndReadsTheirEvents() throws Exception {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl()));
        joinAndLeave("presence-node");
        await().until(() -> eventNames().size() == 4);

        JsonArray recorded = new JsonArray();
        for (Request request : requests) {
            JsonObject entry = new JsonObject();
            entry.addProperty("key", request.key());
            entry.addProperty("signature", request.signature());
            entry.addProperty("body", request.body());
            recorded.add(entry);
        }
        Path file = Files.createTempFile("webhooks", ".json");
        Files.writeString(file, recorded.toString());
        NodeTestRun.assertPasses("src/test/js/webhooks.test.mjs", 1, 60, Map.of(
                "WEBHOOKS_FILE", file.toString(),
                "HERALD_KEY", LocalEnv.KEY,
                "HERALD_APP_ID", LocalEnv.APP_ID,
                "HERALD_SECRET", LocalEnv.SECRET));
    }

    @Test
    void aWebhookAnswered5xxIsSentAgainUntilAccepted() throws Exception {
        answers.addAll(List.of(500, 503));
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl(),
                "broadcast.local.webhooks.kinds=channel_occupied"));
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribe("retried", ada.listener);
            next(ada.subscribed);

            await().until(() -> requests.size() == 3);
            ada.pusher.subscribe("marker", ada.listener);
            await().until(() -> requests.size() == 4);
        }

        assertThat(requests.subList(0, 3)).extracting(Request::body).containsOnly(requests.get(0).body());
        assertThat(requests.get(3).body()).as("accepted the third time: the next webhook is the next event's")
                .contains("\"channel\":\"marker\"");
    }

    /** The application's Micrometer registry. */
    @ApplicationScoped
    public static class Meters {
        @Produces
        @ApplicationScoped
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @Test
    void aWebhookRefusedWith4xxIsGivenUpLoggedAndCounted() throws Exception {
        answers.add(400);
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl(),
                "broadcast.local.webhooks.kinds=channel_occupied"), Meters.class);
        MeterRegistry meters = server.container().select(MeterRegistry.class).get();
        try (LogCapture log = LogCapture.everything();
                JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribe("refused", ada.listener);
            next(ada.subscribed);
            await().untilAsserted(() -> assertThat(log.text()).contains("HERALD-0219: A webhook of connection 'local' "
                    + "with 1 event(s) was not accepted by 127.0.0.1 (answered 400) and is given up"));
            ada.pusher.subscribe("accepted", ada.listener);
            await().until(() -> requests.size() == 2);
        }

        await().untilAsserted(() -> {
            assertThat(meters.counter("herald.local.webhook.events", "connection", "local", "outcome", "failed").count())
                    .isEqualTo(1.0);
            assertThat(meters.counter("herald.local.webhook.events", "connection", "local", "outcome", "sent").count())
                    .isEqualTo(1.0);
        });
        assertThat(requests).as("a 4xx is not retried").hasSize(2);
    }

    @Test
    void everyConfiguredUrlGetsEveryWebhook() throws Exception {
        String second = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/second";
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl() + ", " + second,
                "broadcast.local.webhooks.kinds=channel_occupied"));
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribe("both", ada.listener);
            next(ada.subscribed);

            await().until(() -> requests.size() == 1 && secondUrlBodies.get() == 1);
        }
    }

    @Test
    void onlyTheConfiguredKindsAreSent() throws Exception {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.webhooks.url=" + hooksUrl(),
                "broadcast.local.webhooks.kinds=member_added,member_removed"));
        joinAndLeave("presence-kinds");

        await().untilAsserted(() -> assertThat(eventNames()).containsExactly("member_added presence-kinds ada",
                "member_removed presence-kinds ada"));
    }

    @Test
    void webhooksPostedToTheAppsOwnReceiverMakeTheSameCdiEventsAsTheServersOwn() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = HeraldServer.underApiOnPort(port, LocalEnv.config("broadcast.local.webhooks.url=http://127.0.0.1:"
                + port + "/api/broadcasting/webhooks"), Observers.class);
        Observers observers = server.container().select(Observers.class).get();

        joinAndLeave("presence-twice");

        List<String> once = List.of("ChannelOccupied presence-twice", "MemberAdded presence-twice ada",
                "MemberRemoved presence-twice ada", "ChannelVacated presence-twice");
        List<String> twice = new ArrayList<>(once);
        twice.addAll(once);
        await().untilAsserted(() -> assertThat(observers.seen).containsExactlyInAnyOrderElementsOf(twice));
    }

    private void joinAndLeave(String channel) throws InterruptedException {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribePresence(channel, ada.listener);
            next(ada.subscribed);
        }
    }

    // Every event of every webhook received, in order: name, channel and user.
    private List<String> eventNames() {
        List<String> names = new ArrayList<>();
        for (Request request : requests) {
            for (JsonElement event : JsonParser.parseString(request.body()).getAsJsonObject().getAsJsonArray("events")) {
                JsonObject fields = event.getAsJsonObject();
                names.add(fields.get("name").getAsString() + " " + fields.get("channel").getAsString()
                        + (fields.has("user_id") ? " " + fields.get("user_id").getAsString() : ""));
            }
        }
        return names;
    }
}
