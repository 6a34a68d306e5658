package io.herald.endurance;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Instances of the endurance runs' server, each a process on a free port: {@link EnduranceNode}s (the library in
 * Weld SE and Undertow), or the packaged Quarkus application of {@code it/quarkus-endurance}.
 *
 * <pre>{@code
 * try (Instances three = Instances.start(3, List.of("broadcast.local.scaling=redis", "broadcast.local.redis.url=" + url))) {
 *     EnduranceRun.run(Deployment.instances(three.ports()), ...);
 * }
 * }</pre>
 */
record Instances(List<Process> processes, List<Integer> ports) implements AutoCloseable {
    static Instances start(int count, List<String> settings) throws IOException {
        List<Process> processes = new ArrayList<>();
        List<Integer> ports = new ArrayList<>();
        String java = java();
        for (int i = 0; i < count; i++) {
            int port = freePort();
            List<String> command = new ArrayList<>(List.of(java, "-Xmx1g",
                    "-Djava.util.logging.config.file=src/test/resources/logging.properties", "-cp",
                    System.getProperty("java.class.path"), EnduranceNode.class.getName(), String.valueOf(port)));
            command.addAll(settings);
            processes.add(startAndAwait(command, EnduranceNode.READY::equals));
            ports.add(port);
        }
        return new Instances(processes, ports);
    }

    /**
     * The packaged Quarkus application of {@code it/quarkus-endurance}, with {@code config} as system properties,
     * once it listens.
     */
    static Instances quarkus(Path jar, Map<String, String> config) throws IOException {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(jar + " is not built: run `mvn -B install -DskipTests -Dinvoker.skip` "
                    + "and `mvn -B -f it/quarkus-endurance package` first");
        }
        int port = freePort();
        List<String> command = new ArrayList<>(List.of(java(), "-Xmx1g", "-Dquarkus.http.port=" + port));
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.addAll(List.of("-jar", jar.toString()));
        return new Instances(List.of(startAndAwait(command, line -> line.contains("Listening on"))), List.of(port));
    }

    private static Process startAndAwait(List<String> command, Predicate<String> ready) throws IOException {
        Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8));
        for (String line = lines.readLine(); line == null || !ready.test(line); line = lines.readLine()) {
            if (line == null) {
                throw new IllegalStateException("An instance did not start: " + String.join(" ", command));
            }
        }
        // the rest of what it prints is drained, so that it never blocks on a full pipe
        Thread drain = new Thread(() -> {
            try {
                lines.lines().forEach(line -> { });
            } catch (java.io.UncheckedIOException stopped) {
                // the process ended
            }
        }, "instance-output");
        drain.setDaemon(true);
        drain.start();
        return process;
    }

    private static String java() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() throws InterruptedException {
        for (Process process : processes) {
            try {
                process.getOutputStream().close();
            } catch (IOException e) {
                process.destroy();
            }
        }
        // A node stops when its input closes; a Quarkus application on SIGTERM.
        for (Process process : processes) {
            if (!process.waitFor(5, TimeUnit.SECONDS)) {
                process.destroy();
            }
        }
        for (Process process : processes) {
            if (!process.waitFor(30, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        }
    }
}
