package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.testing.ProcessOutput;
import io.herald.testing.RedisProcess;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * The demo as {@code demo/run --cluster} runs it: a private redis-server and two instances (here in their own JVMs,
 * on free ports), and {@code test/demo-cluster.test.mjs}: a page on each instance in headless Chromium, where events,
 * admin alerts and who is online cross from one instance to the other.
 */
class DemoClusterTest {

    @Test
    void eventsAlertsAndWhoIsOnlineCrossInstances() throws Exception {
        List<Process> instances = new ArrayList<>();
        try (RedisProcess redis = RedisProcess.start()) {
            int first = freePort();
            int second = freePort();
            List<ProcessOutput> outputs = new ArrayList<>();
            for (int port : new int[] {first, second}) {
                Process instance = instance(port, redis.url());
                instances.add(instance);
                outputs.add(ProcessOutput.copy(instance, Files.createTempFile("demo-instance-" + port, ".log"),
                        "Herald demo:"));
            }
            for (ProcessOutput output : outputs) {
                assertTrue(output.awaitMarker(Duration.ofSeconds(60)), "a demo instance started:\n" + output.text());
            }
            BrowserTestRun.assertPasses("test/demo-cluster.test.mjs", 2, Map.of(
                    "DEMO_URL_A", "http://localhost:" + first + "/",
                    "DEMO_URL_B", "http://localhost:" + second + "/"));
        } finally {
            for (Process instance : instances) {
                instance.destroy();
                instance.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    private static Process instance(int port, String redisUrl) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbroadcast.local.scaling=redis", "-Dbroadcast.local.redis.url=" + redisUrl,
                "-cp", classPath, DemoServer.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).start();
    }

    private static int freePort() throws java.io.IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
