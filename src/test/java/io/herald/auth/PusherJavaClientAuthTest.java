package io.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pusher.client.AuthenticationFailureException;
import com.pusher.client.AuthorizationFailureException;
import com.pusher.client.util.HttpChannelAuthorizer;
import com.pusher.client.util.HttpUserAuthenticator;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import io.herald.testing.TestLogin;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pusher-java-client's own HTTP authorizers, calling the running endpoints. */
class PusherJavaClientAuthTest {
    private static HeraldServer server;

    @BeforeAll
    static void start() {
        server = HeraldServer.start(AuthEnv.config(), ExampleAuthorizers.OwnChannel.class,
                ExampleAuthorizers.AdminsChannel.class, ExampleAuthorizers.OrderRoom.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static HttpChannelAuthorizer channelAuthorizerAs(String user, String roles) {
        HttpChannelAuthorizer authorizer = new HttpChannelAuthorizer(server.uri("broadcasting/authorize").toString());
        authorizer.setHeaders(roles == null ? Map.of(TestLogin.USER, user) : Map.of(TestLogin.USER, user, TestLogin.ROLES, roles));
        return authorizer;
    }

    private static String tokenFor(String signed) {
        return AuthEnv.KEY + ":" + Hmac.sha256Hex(AuthEnv.SECRET, signed);
    }

    @Test
    void privateChannelTokenVerifiesAgainstTheSecret() {
        String answer = channelAuthorizerAs("42", null).authorize("private-42", "21112.816204");

        assertThat(JsonParser.parseString(answer).getAsJsonObject().get("auth").getAsString())
                .isEqualTo(tokenFor("21112.816204:private-42"));
    }

    @Test
    void presenceTokenVerifiesOverTheReturnedChannelData() {
        JsonObject answer = JsonParser.parseString(channelAuthorizerAs("ada", null)
                .authorize("presence-orders.7", "45481.3166671")).getAsJsonObject();

        String channelData = answer.get("channel_data").getAsString();
        assertThat(answer.get("auth").getAsString()).isEqualTo(tokenFor("45481.3166671:presence-orders.7:" + channelData));
    }

    @Test
    void adminOnlyChannelRefusesAnOrdinaryUser() {
        assertThatThrownBy(() -> channelAuthorizerAs("ada", "user").authorize("private-admins", "1.2"))
                .isInstanceOf(AuthorizationFailureException.class);
    }

    @Test
    void adminOnlyChannelAdmitsAnAdmin() {
        assertThat(channelAuthorizerAs("ada", "admin").authorize("private-admins", "1.2")).contains("\"auth\"");
    }

    @Test
    void userAuthenticatorTokenVerifiesOverTheUserData() {
        HttpUserAuthenticator authenticator = new HttpUserAuthenticator(server.uri("broadcasting/user-auth").toString());
        authenticator.setHeaders(Map.of(TestLogin.USER, "ada"));

        JsonObject answer = JsonParser.parseString(authenticator.authenticate("1677674.4468990")).getAsJsonObject();

        String userData = answer.get("user_data").getAsString();
        assertThat(answer.get("auth").getAsString()).isEqualTo(tokenFor("1677674.4468990::user::" + userData));
    }

    @Test
    void anonymousUserAuthenticationFails() {
        HttpUserAuthenticator authenticator = new HttpUserAuthenticator(server.uri("broadcasting/user-auth").toString());

        assertThatThrownBy(() -> authenticator.authenticate("1.2")).isInstanceOf(AuthenticationFailureException.class);
    }
}
