package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.testing.ProcessOutput;
import io.herald.testing.RedisProcess;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The demo as {@code demo/run --cluster} runs it: a private redis-server and demo instances in JVMs of their own, on
 * free ports, started and stopped together.
 *
 * <pre>{@code
 * try (DemoCluster cluster = DemoCluster.start(2)) {
 *     int first = cluster.ports().get(0);
 * }
 * }</pre>
 */
final class DemoCluster implements AutoCloseable {
    private final RedisProcess redis;
    private final List<Process> instances = new ArrayList<>();
    private final List<Integer> ports = new ArrayList<>();

    private DemoCluster(RedisProcess redis) {
        this.redis = redis;
    }

    /** Starts Redis and {@code size} instances, and returns once every instance serves. */
    static DemoCluster start(int size) throws Exception {
        DemoCluster cluster = new DemoCluster(RedisProcess.start());
        try {
            List<ProcessOutput> outputs = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                int port = freePort();
                Process instance = cluster.instance(port);
                cluster.instances.add(instance);
                cluster.ports.add(port);
                outputs.add(ProcessOutput.copy(instance, Files.createTempFile("demo-instance-" + port, ".log"),
                        "Herald demo:"));
            }
            for (ProcessOutput output : outputs) {
                assertTrue(output.awaitMarker(Duration.ofSeconds(60)), "a demo instance started:\n" + output.text());
            }
            return cluster;
        } catch (Exception | AssertionError e) {
            cluster.close();
            throw e;
        }
    }

    /** The instances' ports, in the order they were started. */
    List<Integer> ports() {
        return List.copyOf(ports);
    }

    @Override
    public void close() throws InterruptedException {
        for (Process instance : instances) {
            instance.destroy();
            instance.waitFor(20, TimeUnit.SECONDS);
        }
        redis.close();
    }

    private Process instance(int port) throws IOException {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        return new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Dbroadcast.local.scaling=redis", "-Dbroadcast.local.redis.url=" + redis.url(),
                "-cp", classPath, DemoServer.class.getName(), Integer.toString(port))
                .redirectErrorStream(true).start();
    }

    static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
