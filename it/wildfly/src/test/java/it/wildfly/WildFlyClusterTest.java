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
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
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
    private static RedisProcess redis;
    private static final List<WildFlyInstance> servers = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        redis = RedisProcess.start();
        Path home = Path.of(System.getProperty("wildfly.home"));
        Path war = clusteredWar(home.getParent());
        for (int instance = 1; instance <= 2; instance++) {
            servers.add(WildFlyInstance.create(home, "cluster-" + instance, war, Map.of(
                    "broadcast.local.scaling", "redis", "broadcast.local.redis.url", redis.url()), xml -> xml));
        }
        for (WildFlyInstance server : servers) {
            server.start();
        }
    }

    @AfterAll
    static void stop() throws Exception {
        for (WildFlyInstance server : servers) {
            server.close();
        }
        if (redis != null) {
            redis.close();
        }
    }

    @Test
    void anEventFiredOnTheFirstServerReachesAClientOfTheSecond() throws Exception {
        BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        Pusher client = new Pusher("it-key", new PusherOptions().setHost("127.0.0.1").setWsPort(servers.get(1).port())
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
                    URI.create("http://127.0.0.1:" + servers.get(0).port() + "/releases/5.0.0"))
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
}
