package it.quarkusdev;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;

/**
 * A Quarkus application under {@code quarkus:dev}, as a developer runs it: copied from a template under
 * {@code src/test} to {@code target/}, started on a free port, and live-reloaded by editing one of its sources, which
 * the next request finds.
 *
 * <pre>{@code
 * DevMode app = DevMode.start("minimal-app", "/orders/version", "generation-0");
 * app.edit("src/main/java/shop/Orders.java", "generation-1");   // returns once the reloaded application answers
 * app.stop();
 * }</pre>
 */
final class DevMode {
    private final Process process;
    private final Path directory;
    private final Path log;
    private final int port;
    private final String probe;

    private DevMode(Process process, Path directory, Path log, int port, String probe) {
        this.process = process;
        this.directory = directory;
        this.log = log;
        this.port = port;
        this.probe = probe;
    }

    /**
     * Starts {@code src/test/<template>} in dev mode and waits until {@code probe} answers {@code expected}.
     */
    static DevMode start(String template, String probe, String expected) throws Exception {
        Path directory = Path.of(System.getProperty("dev.apps"), template);
        copy(Path.of(System.getProperty("dev.app.templates"), template), directory);
        Path log = directory.resolve("dev-mode.log");
        int port = freePort();
        Path mvn = Path.of(System.getProperty("maven.for.dev.mode"), "bin", "mvn");
        mvn.toFile().setExecutable(true);
        Process process = new ProcessBuilder(mvn.toString(), "-B", "-ntp", "-Dmaven.repo.local="
                + System.getProperty("maven.repo.local"), "quarkus:dev", "-Dquarkus.http.port=" + port, "-Ddebug=false",
                "-Dquarkus.console.enabled=false", "-Dquarkus.analytics.disabled=true")
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        DevMode app = new DevMode(process, directory, log, port, probe);
        app.awaitAnswer(expected, Duration.ofMinutes(5));
        return app;
    }

    URI uri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    int port() {
        return port;
    }

    /** Puts {@code generation} in place of the one {@code source} answers, and waits for the reloaded application. */
    void edit(String source, String generation) throws Exception {
        Path file = directory.resolve(source);
        Files.writeString(file, Files.readString(file).replaceAll("generation-\\d+", generation));
        awaitAnswer(generation, Duration.ofMinutes(2));
    }

    void stop() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroy);
        process.destroy();
        process.waitFor();
    }

    String log() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    // The next request finds the change, and dev mode restarts the application before answering it.
    private void awaitAnswer(String expected, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("quarkus:dev exited:\n" + log());
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(uri().resolve(probe))
                        .timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.body().equals(expected)) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("quarkus:dev did not answer " + expected + " within " + timeout + ":\n"
                + log());
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            for (Path file : (Iterable<Path>) files::iterator) {
                Path target = to.resolve(from.relativize(file).toString());
                if (Files.isDirectory(file)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(file, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
