package it.quarkusdev;

import it.scenarios.RedeploymentScenario;
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
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * it/app under {@code quarkus:dev}, as a developer runs it: a source file is edited while clients are connected, and
 * the next request reloads the application.
 */
class QuarkusDevModeTest implements RedeploymentScenario {
    private static Process devMode;
    private static Path app;
    private static Path log;
    private static int port;
    private static int generation;

    @BeforeAll
    static void start() throws Exception {
        app = Path.of(System.getProperty("dev.app"));
        copy(Path.of(System.getProperty("dev.app.template")), app);
        log = app.resolve("dev-mode.log");
        port = freePort();
        Path mvn = Path.of(System.getProperty("maven.for.dev.mode"), "bin", "mvn");
        mvn.toFile().setExecutable(true);
        devMode = new ProcessBuilder(mvn.toString(), "-B", "-ntp", "-Dmaven.repo.local=" + System.getProperty("maven.repo.local"),
                "quarkus:dev", "-Dquarkus.http.port=" + port, "-Ddebug=false", "-Dquarkus.console.enabled=false",
                "-Dquarkus.analytics.disabled=true")
                .directory(app.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        awaitAnswer("generation-0", Duration.ofMinutes(5));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (devMode != null) {
            devMode.descendants().forEach(ProcessHandle::destroy);
            devMode.destroy();
            devMode.waitFor();
        }
    }

    @Override
    public URI applicationUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    // Edits the source; the next request finds the change, and dev mode restarts the application before answering.
    @Override
    public void redeploy() throws Exception {
        generation++;
        Path source = app.resolve("src/main/java/dev/Reloaded.java");
        Files.writeString(source, Files.readString(source).replaceAll("generation-\\d+", "generation-" + generation));
        awaitAnswer("generation-" + generation, Duration.ofMinutes(2));
    }

    private static void awaitAnswer(String expected, Duration timeout) throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!devMode.isAlive()) {
                throw new IllegalStateException("quarkus:dev exited:\n" + Files.readString(log, StandardCharsets.UTF_8));
            }
            try {
                HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port
                        + "/reloaded")).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
                if (answer.body().equals(expected)) {
                    return;
                }
            } catch (IOException notYet) {
                // still starting
            }
            Thread.sleep(500);
        }
        throw new IllegalStateException("quarkus:dev did not answer " + expected + " within " + timeout + ":\n"
                + Files.readString(log, StandardCharsets.UTF_8));
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
