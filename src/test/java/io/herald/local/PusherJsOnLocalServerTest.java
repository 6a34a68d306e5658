package io.herald.local;

import io.herald.testing.NodeTestRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/local-server.test.mjs} (pusher-js and the Node pusher library, from {@code npm ci}) in
 * Node against a running server; the Node test runner's verdict is this test's.
 */
class PusherJsOnLocalServerTest {

    @Test
    void pusherJsAndNodePusherPassAgainstTheLocalServer() throws Exception {
        assertThat(Path.of("node_modules", "pusher-js")).as("npm packages (run npm ci at the project root)").exists();
        try (HeraldServer server = HeraldServer.atRoot(LocalEnv.config(), FireResource.class)) {
            NodeTestRun.assertPasses("src/test/js/local-server.test.mjs", 10, 120, Map.of(
                    "HERALD_URL", "http://127.0.0.1:" + server.port(),
                    "HERALD_KEY", LocalEnv.KEY,
                    "HERALD_APP_ID", LocalEnv.APP_ID,
                    "HERALD_SECRET", LocalEnv.SECRET));
        }
    }
}
