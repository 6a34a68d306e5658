package it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import io.herald.testing.RedisProcess;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The application as two WildFly servers sharing one Redis ({@code broadcast.local.scaling=redis}, given as system
 * properties, with Lettuce added to the application): a request to the first fires the event, a pusher-java-client
 * connected to the second receives it.
 */
class WildFlyClusterTest {
    private static final int[] STANDARD_PORTS = {8009, 8080, 8443, 9990, 9993, 4712, 4713};
    private static RedisProcess redis;
    private static final List<Process> servers = new ArrayList<>();
    private static final List<Integer> ports = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.start();
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path war = clusteredWar(home.getParent());
        List<Path> bases = new ArrayList<>();
        for (int instance = 1; instance <= 2; instance++) {
            Path base = home.getParent().resolve("cluster-instance-" + instance);
            deleteRecursively(base);
            copyRecursively(home.resolve("standalone"), base);
            deleteRecursively(base.resolve("deployments"));
            Files.createDirectories(base.resolve("deployments"));
            Path config = base.resolve("configuration/standalone-microprofile.xml");
            Files.writeString(config, Files.readString(config)
                    .replace("<location name=\"/\" handler=\"welcome-content\"/>", ""));
            Files.copy(war, base.resolve("deployments/ROOT.war"));
            int offset = freeOffset();
            int port = 8080 + offset;
            ports.add(port);
            bases.add(base);
            servers.add(new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c",
                    "standalone-microprofile.xml", "-Djboss.server.base.dir=" + base,
                    "-Djboss.socket.binding.port-offset=" + offset, "-Dit.http.port=" + port,
                    "-Djboss.bind.address=127.0.0.1", "-Djboss.node.name=cluster-" + instance,
                    "-Dbroadcast.local.scaling=redis", "-Dbroadcast.local.redis.url=" + redis.url())
                    .redirectErrorStream(true)
                    .redirectOutput(base.resolve("server-output.log").toFile())
                    .start());
        }
        for (int instance = 0; instance < 2; instance++) {
            awaitDeployment(bases.get(instance), servers.get(instance));
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process server : servers) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void anEventFiredOnTheFirstServerReachesAClientOfTheSecond() throws Exception {
        BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        Pusher client = new Pusher("it-key", new PusherOptions().setHost("127.0.0.1").setWsPort(ports.get(1))
                .setUseTLS(false));
        CountDownLatch subscribed = new CountDownLatch(1);
        client.connect(new ConnectionEventListener() {
            @Override
            public void onConnectionStateChange(ConnectionStateChange change) {
            }

            @Override
            public void onError(String message, String code, Exception e) {
            }
        }, ConnectionState.ALL);
        client.subscribe("releases", new com.pusher.client.channel.ChannelEventListener() {
            @Override
            public void onSubscriptionSucceeded(String channelName) {
                subscribed.countDown();
            }

            @Override
            public void onEvent(PusherEvent event) {
                events.add(event);
            }
        }, "NewRelease");
        try {
            assertTrue(subscribed.await(20, TimeUnit.SECONDS), "subscribed on the second server");

            HttpResponse<String> fired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + ports.get(0) + "/releases/5.0.0"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertEquals(204, fired.statusCode(), fired.body());
            PusherEvent event = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(event, "NewRelease crossed from the first server to the second");
            assertEquals("{\"message\":\"Version 5.0.0 has been released !\"}", event.getData());
        } finally {
            client.disconnect();
        }
    }

    // ROOT.war with the Redis client in WEB-INF/lib, as an application that scales adds it.
    private static Path clusteredWar(Path target) throws IOException {
        Path war = target.resolve("cluster.war");
        Files.copy(Path.of(System.getProperty("deployments"), "ROOT.war"), war, StandardCopyOption.REPLACE_EXISTING);
        try (FileSystem zip = FileSystems.newFileSystem(war); Stream<Path> jars = Files.list(
                Path.of(System.getProperty("cluster.libraries")))) {
            for (Path jar : jars.toList()) {
                Files.copy(jar, zip.getPath("WEB-INF/lib", jar.getFileName().toString()),
                        StandardCopyOption.REPLACE_EXISTING);
            }
        }
        return war;
    }

    private static void awaitDeployment(Path base, Process server) throws Exception {
        Instant deadline = Instant.now().plus(Duration.ofMinutes(3));
        Path deployments = base.resolve("deployments");
        while (!Files.exists(deployments.resolve("ROOT.war.deployed"))) {
            if (Files.exists(deployments.resolve("ROOT.war.failed"))) {
                throw new IllegalStateException(Files.readString(deployments.resolve("ROOT.war.failed")));
            }
            if (Instant.now().isAfter(deadline) || !server.isAlive()) {
                throw new IllegalStateException("ROOT.war not deployed in " + base + "; see server-output.log");
            }
            Thread.sleep(250);
        }
    }

    // An offset at which none of the configuration's ports is taken.
    private static int freeOffset() {
        while (true) {
            int offset = ThreadLocalRandom.current().nextInt(1_000, 20_000);
            if (java.util.Arrays.stream(STANDARD_PORTS).allMatch(port -> isFree(port + offset))
                    && !ports.contains(8080 + offset)) {
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

    private static void copyRecursively(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            paths.forEach(path -> {
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
