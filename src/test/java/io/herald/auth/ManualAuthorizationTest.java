package io.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcaster;
import io.herald.PresenceMember;
import io.herald.testing.HeraldServer;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Masonite's own route: an application controller that calls {@code broadcaster.connection("pusher").authorize}. */
class ManualAuthorizationTest {

    /** Masonite's BroadcastController, in JAX-RS: user N may join private-N. */
    @Path("channel-auth")
    @RequestScoped
    public static class BroadcastController {
        @Inject
        Broadcaster broadcaster;

        @Context
        SecurityContext security;

        @POST
        public Response authorize(@FormParam("channel_name") String channelName, @FormParam("socket_id") String socketId) {
            String userId = channelName.substring(channelName.indexOf('-') + 1);
            if (security.getUserPrincipal() != null && security.getUserPrincipal().getName().equals(userId)) {
                return Response.ok(broadcaster.connection("pusher").authorize(channelName, socketId), "application/json").build();
            }
            return Response.status(403).build();
        }
    }

    @Test
    void controllerWrittenAsInTheSeedAnswersWhatTheEndpointAnswers() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config(), BroadcastController.class)) {
            HttpResponse<String> mine = new AuthClient(server.uri("channel-auth")).as("42").authorize("private-42");
            HttpResponse<String> heralds = new AuthClient(server.uri("broadcasting/authorize")).as("42").authorize("private-42");

            assertThat(mine.statusCode()).isEqualTo(200);
            assertThat(mine.body()).isEqualTo(heralds.body());
            assertThat(new AuthClient(server.uri("channel-auth")).as("7").authorize("private-42").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void presenceVariantSignsTheMembersChannelData() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();

            String answer = broadcaster.authorize("presence-lobby", "1.2", new PresenceMember("42", Map.of("name", "Ada")));

            assertThat(answer).contains("\"channel_data\":\"{\\\"user_id\\\":\\\"42\\\",\\\"user_info\\\":{\\\"name\\\":\\\"Ada\\\"}}\"");
        }
    }

    @Test
    void authorizingAPublicChannelFailsClearly() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config())) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();

            assertThatThrownBy(() -> broadcaster.authorize("releases", "1.2"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("HERALD-0011")
                    .hasMessageContaining("'releases' is not a private channel");
        }
    }

    @Test
    void authorizingThroughAConnectionWithoutCredentialsFailsNamingIt() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.dev.driver=log"))) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();

            assertThatThrownBy(() -> broadcaster.connection("dev").authorize("private-42", "1.2"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("HERALD-0012")
                    .hasMessageContaining("'dev'");
        }
    }

    @Test
    void authorizingAnEncryptedChannelWithoutAMasterKeyFailsNamingTheChannel() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config("broadcast.pusher.encryption-master-key="))) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();

            assertThatThrownBy(() -> broadcaster.authorize("private-encrypted-payroll", "1.2"))
                    .hasMessageContaining("HERALD-0014")
                    .hasMessageContaining("'private-encrypted-payroll'");
        }
    }
}
