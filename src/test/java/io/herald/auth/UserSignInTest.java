package io.herald.auth;

import static io.herald.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.BroadcastUser;
import io.herald.auth.UserAuthenticator;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.URI;
import java.net.http.HttpResponse;
import java.security.Principal;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@code POST /broadcasting/user-auth}: Pusher's user sign-in. */
class UserSignInTest {

    @ApplicationScoped
    static class Directory implements UserAuthenticator {
        @Override
        public BroadcastUser authenticate(Principal principal) {
            return principal.getName().equals("mallory") ? null
                    : new BroadcastUser("u-" + principal.getName(), Map.of("name", principal.getName()), List.of("u-bob"));
        }
    }

    private static HttpResponse<String> signIn(HeraldServer server, AuthClient client, String socketId) {
        URI endpoint = server.uri("broadcasting/user-auth");
        return client.postForm(endpoint, "socket_id", socketId);
    }

    @Test
    void signedInUserGetsUserDataSignedOverSocketAndData() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            HttpResponse<String> response = signIn(server, new AuthClient(null).as("ada"), "1234.1234");

            assertThat(response.statusCode()).isEqualTo(200);
            String userData = json(response).get("user_data").getAsString();
            assertThat(userData).isEqualTo("{\"id\":\"ada\"}");
            assertThat(json(response).get("auth").getAsString())
                    .isEqualTo(AuthEnv.KEY + ":" + Hmac.sha256Hex(AuthEnv.SECRET, "1234.1234::user::" + userData));
        }
    }

    @Test
    void anonymousSignInIs403() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            assertThat(signIn(server, new AuthClient(null).anonymous(), "1.2").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void malformedSocketIdIs400() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            assertThat(signIn(server, new AuthClient(null).as("ada"), "1.2::user::x").statusCode()).isEqualTo(400);
        }
    }

    @Test
    void userAuthenticatorBeanDecidesIdInfoAndWatchlist() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config(), Directory.class)) {
            HttpResponse<String> response = signIn(server, new AuthClient(null).as("ada"), "1.2");

            assertThat(json(response).get("user_data").getAsString())
                    .isEqualTo("{\"id\":\"u-ada\",\"user_info\":{\"name\":\"ada\"},\"watchlist\":[\"u-bob\"]}");
        }
    }

    @Test
    void userAuthenticatorRefusingIs403() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config(), Directory.class)) {
            assertThat(signIn(server, new AuthClient(null).as("mallory"), "1.2").statusCode()).isEqualTo(403);
        }
    }

    @Test
    void jsonBodyIsAcceptedToo() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            HttpResponse<String> response = new AuthClient(null).as("ada")
                    .postJson(server.uri("broadcasting/user-auth"), "{\"socket_id\":\"1.2\"}");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }
}
