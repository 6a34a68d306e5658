package io.herald.auth;

import static io.herald.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/** {@code broadcast.auth.*} and the connection's encryption key, each on a server of its own. */
class AuthSettingsTest {

    @Test
    void allowAnonymousAuthorizesAnonymousPrivateSubscriptions() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.auth.allow-anonymous=true"))) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).anonymous()
                    .authorize("private-chat");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void allowAnonymousStillRefusesPresenceWithoutAMember() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.auth.allow-anonymous=true"))) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).anonymous()
                    .authorize("presence-lobby");

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }

    @Test
    void customPathServesAuthorization() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.auth.path=/pusher/auth"))) {
            HttpResponse<String> response = new AuthClient(server.uri("pusher/auth")).as("ada").authorize("private-chat");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).has("auth")).isTrue();
        }
    }

    @Test
    void defaultPathIsGoneOnceAnotherIsConfigured() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.auth.path=pusher/auth"))) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("private-chat");

            assertThat(response.statusCode()).isEqualTo(404);
        }
    }

    @Test
    void customUserPathServesSignIn() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.auth.user-path=pusher/user-auth"))) {
            AuthClient client = new AuthClient(server.uri("broadcasting/authorize")).as("ada");

            assertThat(client.postForm(server.uri("pusher/user-auth"), "socket_id", "1.2").statusCode()).isEqualTo(200);
            assertThat(client.postForm(server.uri("broadcasting/user-auth"), "socket_id", "1.2").statusCode()).isEqualTo(404);
        }
    }

    @Test
    void encryptedChannelAnswerCarriesItsSharedSecret() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("private-encrypted-bla");

            assertThat(json(response).get("auth").getAsString())
                    .isEqualTo(AuthEnv.KEY + ":" + Hmac.sha256Hex(AuthEnv.SECRET, AuthClient.SOCKET + ":private-encrypted-bla"));
            assertThat(json(response).get("shared_secret").getAsString())
                    .isEqualTo("nlr49ISQHz91yS3cy/yWmW8wFMNeTnNL5tNHnbPJcLQ=");
        }
    }

    @Test
    void defaultConnectionWithoutCredentialsAnswers503AndSaysWhy() {
        try (HeraldServer server = HeraldServer.start(Map.of("broadcast.default", "dev", "broadcast.dev.driver", "log"));
                LogCapture log = new LogCapture()) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("private-chat");

            assertThat(response.statusCode()).isEqualTo(503);
            assertThat(log.messages(Level.SEVERE)).singleElement().asString().startsWith("HERALD-0207")
                    .contains("'dev'");
        }
    }

    @Test
    void encryptedChannelWithoutMasterKeyIsRefusedClearly() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.pusher.encryption-master-key="))) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("private-encrypted-bla");

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(json(response).get("error").getAsString()).contains("encryption-master-key");
        }
    }
}
