package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "To others": an event fired while handling a request that carries {@code X-Socket-ID} leaves that browser out, when
 * the event class asks for it or the call goes through {@code broadcaster.toOthers()}.
 */
class ToOthersTest {
    private static HeraldServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A chat message: its sender already shows it. */
    public record ChatMessage(String text) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new Channel("chat"));
        }

        @Override
        public boolean broadcastToOthers() {
            return true;
        }
    }

    /** The application's endpoints. */
    @Path("chat")
    @RequestScoped
    public static class ChatResource {
        @Inject
        @Broadcast
        Event<ChatMessage> messages;

        @Inject
        Broadcaster broadcaster;

        @POST
        @Path("event")
        public void byEvent() {
            messages.fire(new ChatMessage("hi"));
        }

        @POST
        @Path("broadcaster")
        public void byBroadcaster() {
            broadcaster.toOthers().channel("chat", "Typing", Map.of("user", "ada"));
        }

        @POST
        @Path("queued")
        public void queuedThroughTheBroadcaster() {
            broadcaster.toOthers().channelAsync(new ChatMessage("queued")).toCompletableFuture().join();
        }

        @POST
        @Path("fired-async")
        public void firedAsync() {
            messages.fireAsync(new ChatMessage("async")).toCompletableFuture().join();
        }

        @POST
        @Path("logged")
        public void throughTheLogDriver() {
            broadcaster.connection("dev").toOthers().channel("chat", "Typing", Map.of("user", "ada"));
        }

        @POST
        @Path("everyone")
        public void toEveryone() {
            broadcaster.channel("chat", "Notice", Map.of());
        }
    }

    @BeforeAll
    static void start() {
        server = HeraldServer.start(Map.of("broadcast.default", "test", "broadcast.test.driver", "memory",
                "broadcast.dev.driver", "log"),
                ChatResource.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void forget() {
        broadcasts().clear();
    }

    private static RecordedBroadcasts broadcasts() {
        return server.container().select(RecordedBroadcasts.class).get();
    }

    private int post(String path, String socketId) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(server.uri(path)).POST(HttpRequest.BodyPublishers.noBody());
        if (socketId != null) {
            request.header("X-Socket-ID", socketId);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void eventThatAsksForItLeavesOutTheRequestsSocket() throws Exception {
        assertThat(post("chat/event", "1234.5678")).isEqualTo(204);

        broadcasts().assertSent(ChatMessage.class).excluding("1234.5678").once();
    }

    @Test
    void broadcasterToOthersLeavesOutTheRequestsSocket() throws Exception {
        assertThat(post("chat/broadcaster", "1234.5678")).isEqualTo(204);

        broadcasts().assertSent("Typing").excluding("1234.5678").once();
    }

    @Test
    void otherCallsReachEveryone() throws Exception {
        assertThat(post("chat/everyone", "1234.5678")).isEqualTo(204);

        assertThat(broadcasts().assertSent("Notice").once().events().get(0).excludedSocket()).isNull();
    }

    @Test
    void withoutTheHeaderEveryoneReceivesIt() throws Exception {
        assertThat(post("chat/event", null)).isEqualTo(204);

        assertThat(broadcasts().assertSent(ChatMessage.class).once().events().get(0).excludedSocket()).isNull();
    }

    @Test
    void malformedHeaderIsIgnoredAndLoggedAtDebugNeverFailingTheRequest() throws Exception {
        Logger logger = Logger.getLogger("io.herald");
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        try (LogCapture log = new LogCapture()) {
            assertThat(post("chat/event", "1.2:private-admins")).isEqualTo(204);

            assertThat(broadcasts().assertSent(ChatMessage.class).once().events().get(0).excludedSocket()).isNull();
            assertThat(log.messages(Level.ALL)).anySatisfy(line -> assertThat(line).startsWith("HERALD-0210"));
            assertThat(log.messages(Level.INFO)).noneSatisfy(line -> assertThat(line).startsWith("HERALD-0210"));
        } finally {
            logger.setLevel(level);
        }
    }

    @Test
    void logDriverShowsTheSocketLeftOut() throws Exception {
        try (LogCapture log = new LogCapture()) {
            assertThat(post("chat/logged", "1234.5678")).isEqualTo(204);

            assertThat(log.messages(Level.INFO)).singleElement().asString().startsWith("HERALD-0203")
                    .contains("Typing on [chat] (not to socket 1234.5678)");
        }
    }

    @Test
    void queuedBroadcasterCallLeavesOutTheRequestsSocket() throws Exception {
        assertThat(post("chat/queued", "1234.5678")).isEqualTo(204);

        broadcasts().assertSent(ChatMessage.class).excluding("1234.5678").once();
    }

    @Test
    void fireAsyncCannotSeeTheRequestSoEveryoneReceivesItAndHeraldWarns() throws Exception {
        try (LogCapture log = new LogCapture()) {
            assertThat(post("chat/fired-async", "1234.5678")).isEqualTo(204);

            await().atMost(Duration.ofSeconds(10)).until(() -> !broadcasts().all().isEmpty());
            assertThat(broadcasts().assertSent(ChatMessage.class).once().events().get(0).excludedSocket()).isNull();
            assertThat(log.messages(Level.WARNING)).singleElement().asString().startsWith("HERALD-0212")
                    .contains(ChatMessage.class.getName());
        }
    }
}
