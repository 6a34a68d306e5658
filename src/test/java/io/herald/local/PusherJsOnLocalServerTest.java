package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
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
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec",
                    "src/test/js/local-server.test.mjs").redirectErrorStream(true);
            File log = Files.createTempFile("pusher-js", ".log").toFile();
            node.redirectOutput(log);
            node.environment().put("HERALD_URL", "http://127.0.0.1:" + server.port());
            node.environment().put("HERALD_KEY", LocalEnv.KEY);
            node.environment().put("HERALD_APP_ID", LocalEnv.APP_ID);
            node.environment().put("HERALD_SECRET", LocalEnv.SECRET);
            Process process = node.start();
            boolean finished = process.waitFor(120, TimeUnit.SECONDS);
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            System.out.println(output);
            if (!finished) {
                process.destroyForcibly();
            }

            assertThat(finished).as("node finished within 120 s").isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).containsPattern("pass 10\\b").containsPattern("fail 0\\b");
        } catch (IOException e) {
            throw new AssertionError("Could not run node: " + e.getMessage(), e);
        }
    }
}
