package io.herald.local;

import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.pusher.client.connection.ConnectionState;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console's two actions, against pusher-java-client: a test event reaches a subscriber as any broadcast does, and
 * ending a user's connections closes theirs; each is logged with the admin who did it.
 */
class ConsoleActionsTest {
    private HeraldServer server;

    @BeforeEach
    void start() {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.console.enabled=true"));
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String action, String form, String role) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("broadcasting/console/" + action))
                .header("X-Test-User", "ada").header("X-Test-Roles", role)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void aTestEventReachesASubscriberAndIsLoggedWithWhoSentIt() throws Exception {
        try (LogCapture log = new LogCapture();
                JavaClient bob = new JavaClient(server, LocalEnv.KEY, "bob").connected()) {
            bob.pusher.subscribe("releases", bob.listener, "Hello");
            bob.awaitSubscribed("releases");

            assertThat(post("test-event", "channel=releases&event=Hello&data=%7B%22from%22%3A%22console%22%7D",
                    "admin").statusCode()).isEqualTo(204);

            assertThat(next(bob.events).getData()).isEqualTo("{\"from\":\"console\"}");
            assertThat(log.messages(Level.INFO)).contains("HERALD-0236: Console: ada sent test event 'Hello' on "
                    + "releases");
        }
    }

    @Test
    void aTestEventOnAnInvalidChannelIsRefusedNamingTheProblem() throws Exception {
        HttpResponse<String> refused = post("test-event", "channel=no%20spaces&event=Hello", "admin");

        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.body()).contains("no spaces");
    }

    @Test
    void terminatingAUserClosesTheirConnections() throws Exception {
        try (JavaClient bob = new JavaClient(server, LocalEnv.KEY, "bob").connected()) {
            bob.pusher.signin();
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10))
                    .until(() -> "bob".equals(bob.pusher.user().userId()));

            assertThat(post("terminate", "user=bob", "admin").statusCode()).isEqualTo(204);

            bob.awaitState(ConnectionState.DISCONNECTED);
        }
    }

    @Test
    void anOpenConsoleLogsAWebhookReceived() throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        HttpRequest state = HttpRequest.newBuilder(server.uri("broadcasting/console/state"))
                .header("X-Test-User", "ada").header("X-Test-Roles", "admin").build();
        http.send(state, HttpResponse.BodyHandlers.ofString());   // the page opens
        String body = "{\"time_ms\":" + System.currentTimeMillis()
                + ",\"events\":[{\"name\":\"channel_occupied\",\"channel\":\"orders\"}]}";

        HttpResponse<String> accepted = http.send(HttpRequest.newBuilder(server.uri("broadcasting/webhooks"))
                .header("X-Pusher-Key", LocalEnv.KEY)
                .header("X-Pusher-Signature", io.herald.internal.signing.Hmac.sha256Hex(LocalEnv.SECRET, body))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(accepted.statusCode()).isEqualTo(200);
        assertThat(http.send(state, HttpResponse.BodyHandlers.ofString()).body())
                .contains("\"kind\":\"webhook-received\"").contains("1 event(s) from Pusher");
    }

    @Test
    void onlyAnAdminMayAct() throws Exception {
        assertThat(post("terminate", "user=bob", "basic").statusCode()).isEqualTo(403);
        assertThat(post("test-event", "channel=releases&event=Hello", "basic").statusCode()).isEqualTo(403);
    }
}
