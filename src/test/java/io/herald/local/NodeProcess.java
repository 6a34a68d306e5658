package io.herald.local;

import io.herald.testing.ProcessOutput;
import java.io.IOException;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A {@link ClusterNode} in its own JVM, started from the test's class path: a second (third) instance of the
 * application, as a load balancer would have behind it.
 *
 * <pre>{@code
 * try (NodeProcess a = NodeProcess.start("a", "broadcast.local.scaling=redis", ...)) {
 *     a.uri("test/say/news");
 * }
 * }</pre>
 */
final class NodeProcess implements AutoCloseable {
    private final String name;
    private final int port;
    private final Process process;
    private final Path log;

    private NodeProcess(String name, int port, Process process, Path log) {
        this.name = name;
        this.port = port;
        this.process = process;
        this.log = log;
    }

    static NodeProcess start(String name, List<String> settings) throws IOException, InterruptedException {
        return start(name, settings, classPath(), Map.of());
    }

    /** Starts with these environment variables too, as a container platform sets them. */
    static NodeProcess start(String name, List<String> settings, Map<String, String> environment)
            throws IOException, InterruptedException {
        return start(name, settings, classPath(), environment);
    }

    /** Starts with exactly {@code classPath}, for applications that lack a dependency. */
    static NodeProcess start(String name, List<String> settings, String classPath, Map<String, String> environment)
            throws IOException, InterruptedException {
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx256m", "-XX:TieredStopAtLevel=1", "-Djava.util.logging.config.file=src/test/resources/logging.properties",
                "-cp", classPath, ClusterNode.class.getName(), Integer.toString(port)));
        command.addAll(settings);
        Path log = Files.createTempFile("herald-node-" + name, ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().putAll(environment);
        Process process = builder.start();
        ProcessOutput output = ProcessOutput.copy(process, log, ClusterNode.READY, ClusterNode.FAILED);
        NodeProcess node = new NodeProcess(name, port, process, log);
        if (!output.awaitMarker(Duration.ofSeconds(60)) || !output.marker().equals(ClusterNode.READY)) {
            node.kill();
            throw new IllegalStateException("Instance " + name + " did not start:\n" + output.text());
        }
        return node;
    }

    int port() {
        return port;
    }

    URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + "/" + path);
    }

    String output() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    boolean isAlive() {
        return process.isAlive();
    }

    /** kill -9: no shutdown hook, no goodbye to Redis. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    /** A graceful stop: the instance leaves the cluster. */
    @Override
    public void close() throws InterruptedException {
        if (!process.isAlive()) {
            return;
        }
        try {
            OutputStream in = process.getOutputStream();
            in.close();
        } catch (IOException e) {
            // already gone
        }
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            kill();
        }
    }

    // Surefire runs tests from a manifest-only jar; it names the real class path in this property.
    private static String classPath() {
        return System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public String toString() {
        return "instance " + name + " on port " + port;
    }
}
