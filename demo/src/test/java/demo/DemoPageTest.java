package demo;

import java.net.ServerSocket;
import java.util.Map;
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
            BrowserTestRun.assertPasses("test/demo-page.test.mjs", 5,
                    Map.of("DEMO_URL", "http://localhost:" + port + "/"));
        }
    }
}
