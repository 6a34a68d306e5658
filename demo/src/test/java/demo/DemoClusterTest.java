package demo;

import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code demo/run --cluster} runs it: a private redis-server and two instances (here in their own JVMs,
 * on free ports), and {@code test/demo-cluster.test.mjs}: a page on each instance in headless Chromium, where events,
 * admin alerts and who is online cross from one instance to the other.
 */
class DemoClusterTest {

    @Test
    void eventsAlertsAndWhoIsOnlineCrossInstances() throws Exception {
        try (DemoCluster cluster = DemoCluster.start(2)) {
            BrowserTestRun.assertPasses("test/demo-cluster.test.mjs", 3, Map.of(
                    "DEMO_URL_A", "http://localhost:" + cluster.ports().get(0) + "/",
                    "DEMO_URL_B", "http://localhost:" + cluster.ports().get(1) + "/"));
        }
    }
}
