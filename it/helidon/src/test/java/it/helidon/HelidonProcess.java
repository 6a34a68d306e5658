package it.helidon;

import it.scenarios.ServerStartup;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * The application run as a Helidon MP application is: its classes, Herald and Helidon on one class path, started by
 * {@code io.helidon.microprofile.cdi.Main} on the Java given, on a port of the test's; its output goes to a log file.
 */
final class HelidonProcess implements AutoCloseable {
    private static final String MAIN = "io.helidon.microprofile.cdi.Main";

    private final Process process;
    private final Path log;

    private HelidonProcess(Process process, Path log) {
        this.process = process;
        this.log = log;
    }

    /** The application's class path: it/app, Herald, Helidon and what they need, one entry per jar. */
    static List<String> applicationClassPath() throws IOException {
        return List.of(Files.readString(Path.of(System.getProperty("application.classpath"))).trim()
                .split(File.pathSeparator));
    }

    /** Starts the application and returns once it answers; the settings are system properties, as {@code -D}. */
    static HelidonProcess start(Path javaHome, int port, Path log, String... settings)
            throws IOException, InterruptedException {
        HelidonProcess helidon = new HelidonProcess(launch(javaHome, port, log, applicationClassPath(), settings),
                log);
        ServerStartup.await("Helidon", helidon.process, helidon::log, "Server started on",
                URI.create("http://127.0.0.1:" + port + "/releases"), Duration.ofMinutes(3));
        return helidon;
    }

    /** Runs an application that must fail to start, and returns what it printed before it exited. */
    static String failedStart(Path javaHome, int port, Path log, List<String> classPath, String... settings)
            throws IOException, InterruptedException {
        Process process = launch(javaHome, port, log, classPath, settings);
        if (!process.waitFor(3, TimeUnit.MINUTES)) {
            process.destroyForcibly();
            throw new IllegalStateException("the application started although it should not have:\n"
                    + Files.readString(log));
        }
        return Files.readString(log, StandardCharsets.UTF_8);
    }

    private static Process launch(Path javaHome, int port, Path log, List<String> classPath, String... settings)
            throws IOException {
        List<String> command = new ArrayList<>(List.of(javaHome.resolve("bin/java").toString(),
                "-cp", String.join(File.pathSeparator, classPath),
                "-Dserver.host=127.0.0.1", "-Dserver.port=" + port, "-Dit.http.port=" + port));
        for (String setting : settings) {
            command.add("-D" + setting);
        }
        command.add(MAIN);
        return new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(log.toFile()).start();
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    /** Stops it as a container stops it: a signal, then Helidon's own shutdown (CDI's Shutdown, @PreDestroy). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(1, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
    }
}
