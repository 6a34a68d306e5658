package io.herald.local;

import io.herald.testing.NodeTestRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * An application deployed at the context root {@code /shop}, JAX-RS under {@code /api}: pusher-js, configured as
 * docs/runtimes.md's "Where the endpoints are" says, connects through {@code wsPath}, is authorized at
 * {@code /shop/api/broadcasting/authorize} and receives the application's event.
 */
class ContextRootTest {

    @Test
    void pusherJsConfiguredAsTheReadmeSaysWorksUnderAContextRoot() throws Exception {
        assertThat(Path.of("node_modules", "pusher-js")).as("npm packages (run npm ci at the project root)").exists();
        try (HeraldServer server = HeraldServer.atContextPath("/shop", LocalEnv.config(), FireResource.class)) {
            NodeTestRun.assertPasses("src/test/js/context-root.test.mjs", 1, 60, Map.of(
                    "HERALD_ORIGIN", "http://127.0.0.1:" + server.port(),
                    "HERALD_KEY", LocalEnv.KEY));
        }
    }
}
