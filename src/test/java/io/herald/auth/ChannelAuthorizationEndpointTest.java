package io.herald.auth;

import static io.herald.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import java.net.URI;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code POST /broadcasting/authorize} against a running server, with the application's authorizers. */
class ChannelAuthorizationEndpointTest {
    private static final String SOCKET = AuthClient.SOCKET;
    private static HeraldServer server;
    private static URI endpoint;
    private AuthClient client;

    @BeforeAll
    static void start() {
        server = HeraldServer.start(AuthEnv.config(), ExampleAuthorizers.OwnChannel.class,
                ExampleAuthorizers.AdminsChannel.class, ExampleAuthorizers.OrderRoom.class, ExampleAuthorizers.Broken.class);
        endpoint = server.uri("broadcasting/authorize");
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void newClient() {
        client = new AuthClient(endpoint);
    }

    private static String signed(String text) {
        return AuthEnv.KEY + ":" + Hmac.sha256Hex(AuthEnv.SECRET, text);
    }

    @Test
    void signedInUserGetsPrivateChannelSignedOverSocketAndChannel() {
        HttpResponse<String> response = client.as("ada").authorize("private-chat.general");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("application/json"));
        assertThat(json(response).get("auth").getAsString()).isEqualTo(signed(SOCKET + ":private-chat.general"));
    }

    @Test
    void anonymousUserIsRefusedByDefault() {
        HttpResponse<String> response = client.anonymous().authorize("private-chat.general");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").getAsString()).contains("sign in");
    }

    @Test
    void userMayJoinTheirOwnPrivateChannel() {
        assertThat(client.as("42").authorize("private-42").statusCode()).isEqualTo(200);
    }

    @Test
    void userMayNotJoinSomeoneElsesPrivateChannel() {
        assertThat(client.as("7").authorize("private-42").statusCode()).isEqualTo(403);
    }

    @Test
    void adminJoinsPrivateAdmins() {
        assertThat(client.as("ada", "admin").authorize("private-admins").statusCode()).isEqualTo(200);
    }

    @Test
    void nonAdminIsRefusedPrivateAdminsEvenWhenNamedAdmins() {
        assertThat(client.as("admins", "user").authorize("private-admins").statusCode()).isEqualTo(403);
    }

    @Test
    void presenceMemberComesFromTheAuthorizerWithPatternParameters() {
        HttpResponse<String> response = client.as("ada").authorize("presence-orders.42");

        String channelData = json(response).get("channel_data").getAsString();
        assertThat(channelData).isEqualTo("{\"user_id\":\"ada\",\"user_info\":{\"order\":\"42\"}}");
        assertThat(json(response).get("auth").getAsString())
                .isEqualTo(signed(SOCKET + ":presence-orders.42:" + channelData));
    }

    @Test
    void denialCarriesTheAuthorizersReason() {
        HttpResponse<String> response = client.as("ada").authorize("presence-orders.13");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(json(response).get("error").getAsString()).isEqualTo("Order 13 is closed");
    }

    @Test
    void presenceChannelWithoutAuthorizerAnnouncesThePrincipalName() {
        HttpResponse<String> response = client.as("ada").authorize("presence-lobby");

        assertThat(json(response).get("channel_data").getAsString()).isEqualTo("{\"user_id\":\"ada\"}");
    }

    @Test
    void jsonBodyIsAcceptedToo() {
        HttpResponse<String> response = client.as("ada")
                .postJson(endpoint, "{\"socket_id\":\"" + SOCKET + "\",\"channel_name\":\"private-chat.general\"}");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(json(response).get("auth").getAsString()).isEqualTo(signed(SOCKET + ":private-chat.general"));
    }

    @Test
    void authorizerThatThrowsDeniesWithoutDetails() {
        HttpResponse<String> response = client.as("ada").authorize("private-broken.1");

        assertThat(response.statusCode()).isEqualTo(403);
        assertThat(response.body()).doesNotContain("database down");
    }

    @Test
    void denialIsLoggedAtDebugWithTheChannelAndTheReason() {
        java.util.logging.Logger logger = java.util.logging.Logger.getLogger("io.herald");
        java.util.logging.Level level = logger.getLevel();
        logger.setLevel(java.util.logging.Level.ALL);
        try (LogCapture log = new LogCapture()) {
            client.as("ada").authorize("presence-orders.13");

            assertThat(log.messages(java.util.logging.Level.ALL)).anySatisfy(line -> assertThat(line)
                    .startsWith("HERALD-0205").contains("'presence-orders.13'").contains("Order 13 is closed"));
        } finally {
            logger.setLevel(level);
        }
    }

    @Test
    void authorizerThatThrowsForAnAnonymousClientIsAWarningWithoutAStackTrace() {
        try (LogCapture log = LogCapture.everything()) {
            assertThat(client.anonymous().authorize("private-broken.1").statusCode()).isEqualTo(403);

            assertThat(log.errorsOrStackTraces()).isEmpty();
            assertThat(log.messages(java.util.logging.Level.WARNING)).singleElement().asString()
                    .contains("HERALD-0206").contains("database down");
        }
    }

    @Test
    void missingSocketIdIs400() {
        HttpResponse<String> response = client.as("ada").postForm(endpoint, "channel_name", "private-chat.general");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").getAsString()).isEqualTo("socket_id is required");
    }

    @Test
    void socketIdThatWouldExtendTheSignedTextIs400() {
        HttpResponse<String> response = client.as("ada")
                .postForm(endpoint, "socket_id", "1234.5678:private-admins", "channel_name", "private-chat.general");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").getAsString()).contains("socket_id");
    }

    @Test
    void nonNumericSocketIdIs400() {
        assertThat(client.as("ada").postForm(endpoint, "socket_id", "abc.def", "channel_name", "private-chat.general")
                .statusCode()).isEqualTo(400);
    }

    @Test
    void missingChannelNameIs400() {
        HttpResponse<String> response = client.as("ada").postForm(endpoint, "socket_id", SOCKET);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").getAsString()).isEqualTo("channel_name is required");
    }

    @Test
    void invalidChannelNameIs400() {
        HttpResponse<String> response = client.as("ada").authorize("private-bad name");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").getAsString()).contains("not a valid channel name");
    }

    @Test
    void publicChannelIs400() {
        HttpResponse<String> response = client.as("ada").authorize("releases");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).get("error").getAsString()).contains("public");
    }

    @Test
    void malformedJsonIs400() {
        HttpResponse<String> response = client.as("ada").postJson(endpoint, "{socket_id:");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).has("error")).isTrue();
    }

    @Test
    void bodyOfAnotherTypeIs415() {
        java.net.http.HttpResponse<String> response;
        try {
            response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(endpoint)
                    .header("Content-Type", "text/plain").POST(java.net.http.HttpRequest.BodyPublishers.ofString("x"))
                    .build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new AssertionError(e);
        }

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(json(response).has("error")).isTrue();
    }

    @Test
    void getIs405() {
        assertThat(client.as("ada").get(endpoint).statusCode()).isEqualTo(405);
    }

    @Test
    void noAnswerEchoesTheSecretOrAStackTrace() {
        for (HttpResponse<String> response : new HttpResponse[] {client.as("ada").authorize("private-chat.general"),
                client.anonymous().authorize("private-chat.general"), client.as("ada").authorize("private-broken.1"),
                client.as("ada").postJson(endpoint, "nonsense")}) {
            assertThat(response.body()).doesNotContain(AuthEnv.SECRET).doesNotContain("Exception").doesNotContain("at io.");
        }
    }
}
