package io.herald.local;

import io.herald.testing.NodeTestRun;
import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code rest-api-at-root=true}: an application whose JAX-RS path is {@code /api} serves Pusher's HTTP API at
 * {@code /apps/<id>/...} of the web root as well, where Pusher's server libraries given only a host and a port send
 * it. A second {@code local} connection without the setting stays under {@code /api} only.
 */
class RestApiAtWebRootTest {
    private static final String OTHER_APP_ID = "43";
    private static HeraldServer server;

    @BeforeAll
    static void start() {
        server = HeraldServer.start(LocalEnv.config("broadcast.local.rest-api-at-root=true",
                "broadcast.other.driver=local", "broadcast.other.app-id=" + OTHER_APP_ID,
                "broadcast.other.key=other-key", "broadcast.other.secret=other-secret"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static RawSocket subscribed(String channel) throws Exception {
        return RawSocket.subscribedTo(server.webSocket(LocalEnv.KEY), channel);
    }

    @Test
    void pusherHttpJavaWithHostAndPortOnlyReachesASubscriber() throws Exception {
        try (RawSocket socket = subscribed("news"); Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY,
                LocalEnv.SECRET)) {
            pusher.setHost("127.0.0.1:" + server.port());

            Result result = pusher.trigger("news", "Headline", Map.of("title", "Hello"));

            assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
            assertThat(socket.next()).contains("\"Headline\"").contains("Hello");
        }
    }

    @Test
    void queriesAreAnsweredAtTheRootToo() throws Exception {
        try (RawSocket socket = subscribed("lobby"); Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY,
                LocalEnv.SECRET)) {
            pusher.setHost("127.0.0.1:" + server.port());

            Result result = pusher.get("/channels");

            assertThat(result.getHttpStatus()).isEqualTo(200);
            assertThat(result.getMessage()).contains("\"lobby\"");
        }
    }

    @Test
    void aRequestSignedWithAnotherSecretIsRefusedAtTheRoot() throws Exception {
        try (Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, "not-the-secret")) {
            pusher.setHost("127.0.0.1:" + server.port());

            Result result = pusher.trigger("news", "Headline", Map.of());

            assertThat(result.getHttpStatus()).isEqualTo(401);
            assertThat(result.getMessage()).contains("Invalid signature");
        }
    }

    @Test
    void aConnectionWithoutTheSettingIsNotServedAtTheRoot() throws Exception {
        try (Pusher pusher = new Pusher(OTHER_APP_ID, "other-key", "other-secret")) {
            pusher.setHost("127.0.0.1:" + server.port());

            Result result = pusher.trigger("news", "Headline", Map.of());

            assertThat(result.getHttpStatus()).isEqualTo(404);
            assertThat(result.getMessage()).contains("Unknown app '43'");
        }
    }

    @Test
    void theApplicationPathStillServesBoth() throws Exception {
        for (String[] app : new String[][] {{LocalEnv.APP_ID, LocalEnv.KEY, LocalEnv.SECRET},
                {OTHER_APP_ID, "other-key", "other-secret"}}) {
            try (Pusher pusher = new Pusher(app[0], app[1], app[2])) {
                pusher.setHost("127.0.0.1:" + server.port() + "/api");

                assertThat(pusher.trigger("news", "Headline", Map.of()).getHttpStatus()).isEqualTo(200);
            }
        }
    }

    @Test
    void nodePusherWithHostAndPortOnlyReachesPusherJs() throws Exception {
        assertThat(Path.of("node_modules", "pusher")).as("npm packages (run npm ci at the project root)").exists();
        NodeTestRun.assertPasses("src/test/js/rest-api-under-path.test.mjs", 1, 60, Map.of(
                "HERALD_PORT", String.valueOf(server.port()),
                "HERALD_KEY", LocalEnv.KEY,
                "HERALD_APP_ID", LocalEnv.APP_ID,
                "HERALD_SECRET", LocalEnv.SECRET));
    }
}
