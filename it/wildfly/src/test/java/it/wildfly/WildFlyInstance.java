package it.wildfly;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;

/**
 * A WildFly server of its own, from the unpacked distribution: a base directory with a copy of its configuration
 * (so several can run, and one can be killed and started again on its data), ports moved by a free offset, ROOT.war
 * deployed, standalone-microprofile.xml as {@code configEdit} makes it, and system properties for the application.
 *
 * <pre>{@code
 * WildFlyInstance server = WildFlyInstance.create(home, "outbox", war, Map.of("broadcast.x", "y"), xml -> xml);
 * server.start();
 * server.kill();      // kill -9
 * server.start();     // the same base directory, data and all
 * }</pre>
 */
final class WildFlyInstance implements AutoCloseable {
    private static final int[] STANDARD_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
    private static final List<Integer> TAKEN = new ArrayList<>();

    private final Path home;
    private final Path base;
    private final Map<String, String> properties;
    private final int offset;
    private Process process;

    private WildFlyInstance(Path home, Path base, Map<String, String> properties, int offset) {
        this.home = home;
        this.base = base;
        this.properties = properties;
        this.offset = offset;
    }

    static WildFlyInstance create(Path home, String name, Path war, Map<String, String> properties,
            UnaryOperator<String> configEdit) throws IOException {
        Path base = home.getParent().resolve("instance-" + name);
        deleteRecursively(base);
        // Only the configuration: the distribution's own data, log and tmp may belong to a server still stopping.
        Files.createDirectories(base);
        copyRecursively(home.resolve("standalone/configuration"), base.resolve("configuration"));
        Files.createDirectories(base.resolve("deployments"));
        Path config = base.resolve("configuration/standalone-microprofile.xml");
        Files.writeString(config, configEdit.apply(Files.readString(config)
                .replace("<location name=\"/\" handler=\"welcome-content\"/>", "")));
        Files.copy(war, base.resolve("deployments/ROOT.war"));
        return new WildFlyInstance(home, base, properties, freeOffset());
    }

    int port() {
        return 8080 + offset;
    }

    /** Starts the server and waits until ROOT.war is deployed. */
    void start() throws Exception {
        Files.deleteIfExists(base.resolve("deployments/ROOT.war.deployed"));
        Files.deleteIfExists(base.resolve("deployments/ROOT.war.failed"));
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/standalone.sh").toString(), "-c",
                "standalone-microprofile.xml", "-Djboss.server.base.dir=" + base,
                "-Djboss.socket.binding.port-offset=" + offset, "-Dit.http.port=" + port(),
                "-Djboss.bind.address=127.0.0.1", "-Djboss.node.name=" + base.getFileName()));
        properties.forEach((key, value) -> command.add("-D" + key + "=" + value));
        process = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(base.resolve("server-output.log").toFile())).start();
        Path deployments = base.resolve("deployments");
        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(250)).until(() ->
                Files.exists(deployments.resolve("ROOT.war.deployed"))
                        || Files.exists(deployments.resolve("ROOT.war.failed")) || !process.isAlive());
        if (!Files.exists(deployments.resolve("ROOT.war.deployed"))) {
            throw new IllegalStateException("ROOT.war not deployed in " + base + "; see server-output.log"
                    + (Files.exists(deployments.resolve("ROOT.war.failed"))
                            ? ": " + Files.readString(deployments.resolve("ROOT.war.failed")) : ""));
        }
    }

    /** kill -9 of the server's JVM: no shutdown, nothing flushed. */
    void kill() throws InterruptedException {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() throws InterruptedException {
        if (process != null && process.isAlive()) {
            process.descendants().forEach(ProcessHandle::destroy);
            process.destroy();
            process.waitFor();
        }
    }

    // An offset at which none of the configuration's ports is taken.
    private static synchronized int freeOffset() {
        while (true) {
            int offset = ThreadLocalRandom.current().nextInt(1_000, 20_000);
            if (!TAKEN.contains(offset) && Arrays.stream(STANDARD_PORTS).allMatch(port -> isFree(port + offset))) {
                TAKEN.add(offset);
                return offset;
            }
        }
    }

    private static boolean isFree(int port) {
        try (ServerSocket socket = new ServerSocket(port)) {
            return true;
        } catch (IOException e) {
            return false;
        }
    }

    // The history of a configuration a running server writes is left out: it is that server's, and may be changing.
    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.filter(path -> !from.relativize(path).toString().startsWith("standalone_xml_history")).forEach(path -> {
                try {
                    Files.copy(path, to.resolve(from.relativize(path).toString()), StandardCopyOption.REPLACE_EXISTING);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        }
    }

    private static void deleteRecursively(Path path) throws IOException {
        if (!Files.exists(path)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(path)) {
            for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(each);
            }
        }
    }
}
