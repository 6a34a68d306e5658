package io.herald.local;

import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.Broadcaster;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import io.herald.testing.TestLogin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A secret rotation: the server has moved on to a new {@code secret} and keeps the old one as
 * {@code previous-secret}. What clients and publishers signed with the old one still verifies; what Herald signs is
 * signed with the new one; a secret that is neither is refused.
 */
class SecretRotationTest {
    private static final String OLD_SECRET = "the-old-secret";
    private static final String NEW_SECRET = "the-new-secret";
    private static HeraldServer server;

    @BeforeAll
    static void start() {
        server = HeraldServer.atRoot(LocalEnv.config("broadcast.local.secret=" + NEW_SECRET,
                "broadcast.local.previous-secret=" + OLD_SECRET));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // A token as the application issued it before the rotation, by pusher-http-java with that secret.
    private static JavaClient clientSignedWith(String secret) throws InterruptedException {
        Pusher signer = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, secret);
        return new JavaClient(server, LocalEnv.KEY, (channel, socketId) -> signer.authenticate(socketId, channel))
                .connected();
    }

    @Test
    void aClientHoldingATokenSignedWithThePreviousSecretSubscribesAndReceives() throws Exception {
        try (JavaClient ada = clientSignedWith(OLD_SECRET)) {
            ada.pusher.subscribePrivate("private-payroll", ada.listener, "Paid");
            assertThat(next(ada.subscribed)).isEqualTo("private-payroll");

            server.container().select(Broadcaster.class).get().channel("private-payroll", "Paid", Map.of("n", 1));

            assertThat(next(ada.events).getData()).isEqualTo("{\"n\":1}");
        }
    }

    @Test
    void aTokenSignedWithTheNewSecretSubscribes() throws Exception {
        try (JavaClient ada = clientSignedWith(NEW_SECRET)) {
            ada.pusher.subscribePrivate("private-payroll", ada.listener, "Paid");

            assertThat(next(ada.subscribed)).isEqualTo("private-payroll");
        }
    }

    @Test
    void aTokenSignedWithAnyOtherSecretIsRefused() throws Exception {
        try (JavaClient ada = clientSignedWith("a-guessed-secret")) {
            ada.pusher.subscribePrivate("private-payroll", ada.listener, "Paid");

            assertThat(next(ada.errors)).contains("4009").contains("Invalid signature");
            assertThat(ada.subscribed).isEmpty();
        }
    }

    @Test
    void aPublisherStillOnThePreviousSecretIsAccepted() throws Exception {
        try (Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, OLD_SECRET)) {
            pusher.setHost("127.0.0.1:" + server.port());

            Result result = pusher.trigger("news", "Headline", Map.of());

            assertThat(result.getHttpStatus()).isEqualTo(200);
        }
    }

    @Test
    void aPublisherOnAnyOtherSecretIsRefused() throws Exception {
        try (Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, "a-guessed-secret")) {
            pusher.setHost("127.0.0.1:" + server.port());

            assertThat(pusher.trigger("news", "Headline", Map.of()).getHttpStatus()).isEqualTo(401);
        }
    }

    @Test
    void theAuthorizationEndpointSignsWithTheNewSecret() throws Exception {
        String socketId = "123.456";
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        server.uri("broadcasting/authorize"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(TestLogin.USER, "ada")
                .POST(HttpRequest.BodyPublishers.ofString("socket_id=" + socketId + "&channel_name=private-payroll"))
                .build(), HttpResponse.BodyHandlers.ofString());

        assertThat(answer.statusCode()).isEqualTo(200);
        String auth = JsonParser.parseString(answer.body()).getAsJsonObject().get("auth").getAsString();
        assertThat(auth).isEqualTo(LocalEnv.KEY + ":" + Hmac.sha256Hex(NEW_SECRET, socketId + ":private-payroll"));
    }
}
