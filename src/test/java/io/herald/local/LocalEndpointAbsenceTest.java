package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.embed.EmbeddedHerald;
import io.herald.internal.local.LocalEndpointConfig;
import io.herald.internal.local.LocalWebSocketEndpoint;
import io.herald.testing.HeraldServer;
import io.herald.testing.HeraldTestExtension;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** An application that only uses Pusher exposes no WebSocket endpoint and no Pusher REST API. */
class LocalEndpointAbsenceTest {
    private static final Map<String, String> PUSHER_ONLY = Map.of("broadcast.pusher.driver", "pusher",
            "broadcast.pusher.app-id", "1", "broadcast.pusher.key", "k", "broadcast.pusher.secret", "s");

    static class ApplicationEndpoint {
    }

    @Test
    void endpointConfigDropsTheLocalEndpointButKeepsTheApplications() {
        HeraldTestExtension.useConfig(PUSHER_ONLY);

        assertThat(new LocalEndpointConfig().getAnnotatedEndpointClasses(
                Set.of(LocalWebSocketEndpoint.class, ApplicationEndpoint.class))).containsExactly(ApplicationEndpoint.class);
    }

    @Test
    void endpointConfigKeepsTheLocalEndpointWhenALocalConnectionExists() {
        HeraldTestExtension.useConfig(LocalEnv.config());

        assertThat(new LocalEndpointConfig().getAnnotatedEndpointClasses(Set.of(LocalWebSocketEndpoint.class)))
                .containsExactly(LocalWebSocketEndpoint.class);
    }

    @Test
    void embeddedSetupsDeployTheLocalEndpointOnlyWithALocalConnection() {
        HeraldTestExtension.useConfig(PUSHER_ONLY);
        assertThat(EmbeddedHerald.webSocketEndpoints()).isEmpty();

        HeraldTestExtension.useConfig(LocalEnv.config());
        assertThat(EmbeddedHerald.webSocketEndpoints()).containsExactly(LocalWebSocketEndpoint.class);
    }

    @Test
    void pusherOnlyApplicationRefusesWebSocketsAndTheRestApi() throws Exception {
        try (HeraldServer server = HeraldServer.atRoot(PUSHER_ONLY)) {
            assertThatThrownBy(() -> RawSocket.open(server.webSocket("k"))).hasStackTraceContaining("404");

            HttpResponse<String> rest = HttpClient.newHttpClient().send(HttpRequest.newBuilder(server.uri("apps/1/events"))
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(rest.statusCode()).isEqualTo(404);
        }
    }
}
