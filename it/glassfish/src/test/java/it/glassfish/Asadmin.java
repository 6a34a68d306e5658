package it.glassfish;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

/**
 * GlassFish's {@code asadmin}, run on the Java given, against a domain of the test's own in {@code target/domains}
 * whose ports are a free port base plus GlassFish's offsets (HTTP at +80, administration at +48).
 */
final class Asadmin {
    /** The offsets GlassFish adds to a domain's port base (admin, HTTP, HTTPS, IIOP, JMS, JMX, OSGi shell, debug). */
    private static final int[] OFFSETS = {48, 80, 81, 37, 38, 39, 76, 86, 66, 9};

    private final Path home;
    private final Path javaHome;
    private final Path domains;
    private final int portBase;

    Asadmin(Path home, Path javaHome, Path domains, int portBase) {
        this.home = home;
        this.javaHome = javaHome;
        this.domains = domains;
        this.portBase = portBase;
    }

    int httpPort() {
        return portBase + 80;
    }

    /** The result of one command: its exit code and everything it printed. */
    record Result(int exitCode, String output) {
    }

    /** A command run against the administration port of the running domain. */
    Result remote(String... arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of("--port", String.valueOf(portBase + 48)));
        command.addAll(List.of(arguments));
        return run(command);
    }

    /** A command on the domain's files ({@code create-domain}, {@code start-domain}, {@code stop-domain}). */
    Result local(String command, String... arguments) throws IOException, InterruptedException {
        List<String> all = new ArrayList<>(List.of(command, "--domaindir", domains.toString()));
        all.addAll(List.of(arguments));
        return run(all);
    }

    private Result run(List<String> arguments) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/asadmin").toString(), "--interactive=false"));
        command.addAll(arguments);
        // Output to a file, not a pipe: the server start-domain leaves running would hold a pipe open.
        Path output = Files.createTempFile(domains.getParent(), "asadmin", ".log");
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true).redirectOutput(output.toFile());
        // The server started by start-domain inherits this environment: its MicroProfile Config reads IT_HTTP_PORT.
        builder.environment().putAll(Map.of("JAVA_HOME", javaHome.toString(), "AS_JAVA", javaHome.toString(),
                "IT_HTTP_PORT", String.valueOf(httpPort())));
        Process process = builder.start();
        if (!process.waitFor(5, TimeUnit.MINUTES)) {
            process.destroyForcibly().waitFor();
        }
        try {
            return new Result(process.exitValue(), Files.readString(output, StandardCharsets.UTF_8));
        } finally {
            Files.delete(output);
        }
    }

    /** A port base whose every port GlassFish uses is free now. */
    static int freePortBase() throws IOException {
        for (int attempt = 0; attempt < 50; attempt++) {
            int base;
            try (ServerSocket socket = new ServerSocket(0)) {
                base = socket.getLocalPort() / 100 * 100;
            }
            if (base >= 10_000 && base <= 65_000 && IntStream.of(OFFSETS).allMatch(offset -> free(base + offset))) {
                return base;
            }
        }
        throw new IllegalStateException("no free port base for a GlassFish domain");
    }

    private static boolean free(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
