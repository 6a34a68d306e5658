package io.herald.local;

import io.herald.testing.NodeTestRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.Broadcaster;
import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application whose JAX-RS path is {@code /api}: the {@code local} server's REST API is then at
 * {@code /api/apps/<id>/...}, and Pusher's libraries reach it with the path after the host, which they do not sign.
 */
class RestApiUnderJaxrsPathTest {
    private static HeraldServer server;

    @BeforeAll
    static void start() throws Exception {
        int port;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        server = HeraldServer.underApiOnPort(port, LocalEnv.config(
                "broadcast.relay.driver=pusher", "broadcast.relay.app-id=" + LocalEnv.APP_ID,
                "broadcast.relay.key=" + LocalEnv.KEY, "broadcast.relay.secret=" + LocalEnv.SECRET,
                "broadcast.relay.host=127.0.0.1", "broadcast.relay.port=" + port, "broadcast.relay.path=/api",
                "broadcast.relay.ssl=false"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawSocket subscribed(String channel) throws Exception {
        return RawSocket.subscribedTo(server.webSocket(LocalEnv.KEY), channel);
    }

    @Test
    void pusherHttpJavaWithThePathAfterItsHostReachesASubscriber() throws Exception {
        try (RawSocket socket = subscribed("news"); Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY,
                LocalEnv.SECRET)) {
            pusher.setHost("127.0.0.1:" + server.port() + "/api");

            Result result = pusher.trigger("news", "Headline", Map.of("title", "Hello"));

            assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(socket.next()).contains("\"Headline\"");
        }
    }

    @Test
    void heraldsPusherDriverWithAPathSettingPublishesThroughIt() throws Exception {
        try (RawSocket socket = subscribed("news")) {
            server.container().select(Broadcaster.class).get().connection("relay").channel("news", "Relayed", Map.of());

            assertThat(socket.next()).contains("\"Relayed\"");
        }
    }

    @Test
    void theApiIsNotAtTheRootToo() throws Exception {
        try (Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, LocalEnv.SECRET)) {
            pusher.setHost("127.0.0.1:" + server.port());

            assertThat(pusher.trigger("news", "Headline", Map.of()).getHttpStatus()).isIn(404, 405);
        }
    }

    @Test
    void nodePusherWithThePathInItsHostReachesPusherJs() throws Exception {
        assertThat(Path.of("node_modules", "pusher")).as("npm packages (run npm ci at the project root)").exists();
        NodeTestRun.assertPasses("src/test/js/rest-api-under-path.test.mjs", 1, 60, Map.of(
                "HERALD_PORT", String.valueOf(server.port()),
                "HERALD_KEY", LocalEnv.KEY,
                "HERALD_APP_ID", LocalEnv.APP_ID,
                "HERALD_SECRET", LocalEnv.SECRET,
                "HERALD_REST_PATH", "/api"));
    }
}
