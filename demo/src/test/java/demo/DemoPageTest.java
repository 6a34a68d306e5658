package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the demo and runs {@code test/demo-page.test.mjs}: headless Chromium clicks the page's buttons and waits
 * for the events to appear. Needs {@code npm ci} at the project root and Debian's {@code chromium}.
 */
class DemoPageTest {

    @Test
    void clickingTheButtonsBroadcastsToThePage() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DemoServer demo = DemoServer.start(port)) {
            File log = Files.createTempFile("demo-page", ".log").toFile();
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", "test/demo-page.test.mjs")
                    .redirectErrorStream(true).redirectOutput(log);
            node.environment().put("DEMO_URL", "http://localhost:" + port + "/");
            node.environment().put("NODE_PATH", new File("../node_modules").getAbsolutePath());
            Process process = node.start();
            boolean finished = process.waitFor(180, TimeUnit.SECONDS);
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            System.out.println(output);
            if (!finished) {
                process.destroyForcibly();
            }
            assertTrue(finished, "the browser test finished within 180 s");
            assertEquals(0, process.exitValue(), output);
            assertTrue(output.matches("(?s).*pass 2\\b.*fail 0\\b.*"), output);
        }
    }
}
