package io.herald.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * A private {@code redis-server} (Debian's package) for one test class: a free port on loopback, a temporary
 * directory, nothing saved to disk, so that {@link #restart()} brings it back empty, as a Redis without persistence
 * comes back in production.
 *
 * <pre>{@code
 * try (RedisProcess redis = RedisProcess.start()) {
 *     config.put("broadcast.local.redis.url", redis.url());
 * }
 * }</pre>
 */
public final class RedisProcess implements AutoCloseable {
    private final int port;
    private final Path directory;
    private Process process;

    private RedisProcess(int port, Path directory) {
        this.port = port;
        this.directory = directory;
    }

    public static RedisProcess start() throws IOException, InterruptedException {
        RedisProcess redis = new RedisProcess(freePort(), Files.createTempDirectory("herald-redis"));
        redis.launch();
        return redis;
    }

    public String url() {
        return "redis://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** Stops the server (its data is gone). */
    public void stop() throws InterruptedException {
        if (process != null) {
            process.destroyForcibly();
            process.waitFor();
            process = null;
        }
    }

    /** Starts it again on the same port, empty. */
    public void restart() throws IOException, InterruptedException {
        stop();
        launch();
    }

    @Override
    public void close() throws InterruptedException {
        stop();
    }

    private void launch() throws IOException, InterruptedException {
        process = new ProcessBuilder("redis-server", "--port", Integer.toString(port), "--bind", "127.0.0.1",
                "--save", "", "--appendonly", "no", "--dir", directory.toString())
                .redirectErrorStream(true)
                .start();
        ProcessOutput output = ProcessOutput.copy(process, directory.resolve("redis.log"), "Ready to accept connections");
        if (!output.awaitMarker(Duration.ofSeconds(10))) {
            throw new IllegalStateException("redis-server did not start: " + output.text());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
