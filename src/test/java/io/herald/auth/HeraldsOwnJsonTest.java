package io.herald.auth;

import static io.herald.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcaster;
import io.herald.PresenceMember;
import io.herald.spi.PayloadSerializer;
import io.herald.testing.HeraldServer;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Herald's own JSON (authorization answers, presence data) is the protocol's, whatever the application serialises its
 * event payloads with.
 */
class HeraldsOwnJsonTest {

    /** An application serializer that would break the protocol if Herald used it for its own answers. */
    @ApplicationScoped
    public static class EverythingIsNull implements PayloadSerializer {
        @Override
        public String toJson(Object payload) {
            return "null";
        }
    }

    @Test
    void presenceAnswerIsTheProtocolsJsonWhateverSerialisesPayloads() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config(), ExampleAuthorizers.OrderRoom.class,
                EverythingIsNull.class)) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("presence-orders.42");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(json(response).get("channel_data").getAsString())
                    .isEqualTo("{\"user_id\":\"ada\",\"user_info\":{\"order\":\"42\"}}");
            assertThat(server.container().select(Broadcaster.class).get()
                    .authorize("presence-orders.42", AuthClient.SOCKET,
                            new PresenceMember("ada", Map.of("order", "42"))))
                    .contains("\"channel_data\":\"{\\\"user_id\\\":\\\"ada\\\"");
        }
    }
}
