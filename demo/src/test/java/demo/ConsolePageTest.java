package demo;

import java.net.ServerSocket;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Starts the demo, whose settings turn Herald's console on for admins, and runs {@code test/console.test.mjs} in
 * headless Chromium: what happens on the demo page shows on the console within a second.
 */
class ConsolePageTest {

    @Test
    void theConsoleShowsTheDemoLive() throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        try (DemoServer demo = DemoServer.start(port)) {
            BrowserTestRun.assertPasses("test/console.test.mjs", 3, Map.of("DEMO_URL", "http://localhost:" + port + "/"));
        }
    }
}
