package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An application deployed at the context root {@code /shop}, JAX-RS under {@code /api}: pusher-js, configured as
 * README.md's "Where the endpoints are" says, connects through {@code wsPath}, is authorized at
 * {@code /shop/api/broadcasting/authorize} and receives the application's event.
 */
class ContextRootTest {

    @Test
    void pusherJsConfiguredAsTheReadmeSaysWorksUnderAContextRoot() throws Exception {
        assertThat(Path.of("node_modules", "pusher-js")).as("npm packages (run npm ci at the project root)").exists();
        try (HeraldServer server = HeraldServer.atContextPath("/shop", LocalEnv.config(), FireResource.class)) {
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec",
                    "src/test/js/context-root.test.mjs").redirectErrorStream(true);
            File log = Files.createTempFile("context-root", ".log").toFile();
            node.redirectOutput(log);
            node.environment().put("HERALD_ORIGIN", "http://127.0.0.1:" + server.port());
            node.environment().put("HERALD_KEY", LocalEnv.KEY);
            Process process = node.start();
            boolean finished = process.waitFor(60, TimeUnit.SECONDS);
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            if (!finished) {
                process.destroyForcibly();
            }

            assertThat(finished).as("node finished within 60 s").isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).containsPattern("pass 1\\b").containsPattern("fail 0\\b");
        }
    }
}
