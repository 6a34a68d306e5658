package io.herald.local;

import static io.herald.local.ClusterTest.api;
import static io.herald.local.ClusterTest.awaitMembers;
import static io.herald.local.ClusterTest.body;
import static io.herald.local.ClusterTest.changeWithin;
import static io.herald.local.ClusterTest.get;
import static io.herald.local.ClusterTest.nextChange;
import static io.herald.local.ClusterTest.post;
import static io.herald.local.ClusterTest.said;
import static io.herald.local.ClusterTest.settings;
import static io.herald.local.ClusterTest.text;
import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonPrimitive;
import com.pusher.rest.Pusher;
import io.herald.internal.signing.Hmac;
import io.herald.testing.RedisProcess;
import java.io.File;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What a cluster does when part of it fails: an instance killed with kill -9, Redis stopped and started again empty,
 * and an application that configured scaling without the Redis client. Each test has its own Redis and instances.
 */
class ClusterFailureTest {
    /** The documented bound with the default {@code redis.node-timeout} of 10 s: timeout, plus one heartbeat, plus slack. */
    private static final Duration GHOST_BOUND = Duration.ofSeconds(15);

    private final List<AutoCloseable> resources = new ArrayList<>();

    @AfterEach
    void stop() throws Exception {
        for (int i = resources.size() - 1; i >= 0; i--) {
            resources.get(i).close();
        }
    }

    @Test
    void aKilledInstancesMembersAndChannelsAreRemovedWithinTheBound() throws Exception {
        RedisProcess redis = keep(RedisProcess.start());
        NodeProcess doomed = keep(NodeProcess.start("doomed", settings(redis)));
        NodeProcess survivor = keep(NodeProcess.start("survivor", settings(redis)));
        JavaClient ada = client(doomed, "ada");
        ada.pusher.subscribePresence("presence-room", ada.listener);
        ada.pusher.subscribe("only-on-doomed", ada.listener);
        // Both confirmed, the presence channel's above all: bob's member list is asserted to hold ada.
        ada.awaitSubscribed("presence-room", "only-on-doomed");
        JavaClient bob = client(survivor, "bob");
        bob.pusher.subscribePresence("presence-room", bob.listener);
        awaitMembers(bob, "ada", "bob");

        long killed = System.nanoTime();
        doomed.kill();

        assertThat(changeWithin(bob, GHOST_BOUND.toMillis())).isEqualTo("left ada");
        Duration ghost = Duration.ofNanos(System.nanoTime() - killed);
        System.out.println("member_removed for the killed instance's member after " + ghost.toMillis() + " ms");
        assertThat(ghost).isLessThan(GHOST_BOUND);
        try (Pusher api = api(survivor)) {
            assertThat(body(api.get("/channels"))).isEqualTo("{\"channels\":{\"presence-room\":{}}}");
            assertThat(body(api.get("/channels/presence-room", Map.of("info", "user_count"))))
                    .isEqualTo("{\"occupied\":true,\"user_count\":1}");
        }
    }

    @Test
    void whileRedisIsDownNothingIsReportedSentAndAfterItComesBackEmptyTheStateIsRebuilt() throws Exception {
        RedisProcess redis = keep(RedisProcess.start());
        String[] retries = {"broadcast.local.retry.max-attempts=3", "broadcast.local.retry.initial-backoff-ms=200"};
        NodeProcess a = keep(NodeProcess.start("a", settings(redis, retries)));
        NodeProcess b = keep(NodeProcess.start("b", settings(redis, retries)));
        JavaClient ada = client(a, "ada");
        ada.pusher.subscribePresence("presence-room", ada.listener);
        awaitMembers(ada, "ada");
        JavaClient bob = client(b, "bob");
        bob.pusher.subscribePresence("presence-room", bob.listener);
        awaitMembers(bob, "ada", "bob");
        bob.pusher.subscribe("ticker", bob.listener, "Said");
        JavaClient carol = client(b, "carol");
        carol.pusher.subscribePresence("presence-room", carol.listener);
        awaitMembers(carol, "ada", "bob", "carol");
        assertThat(nextChange(ada)).startsWith("joined bob");
        assertThat(nextChange(ada)).startsWith("joined carol");

        redis.stop();

        for (NodeProcess node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> get(node.uri("test/ready")) == 503);
        }
        assertThat(post(a, "test/say/ticker?from=0&count=1")).as("fire() fails while Redis is down").isEqualTo(503);
        assertThat(post(a, "test/queued/ticker?n=99")).isEqualTo(202);
        await().atMost(Duration.ofSeconds(10)).until(() -> !text(a.uri("test/failures")).isEmpty());
        assertThat(text(a.uri("test/failures"))).as("retried, then reported")
                .startsWith("Said: HERALD-0021: The cluster's Redis is unreachable").endsWith("(after 3 attempts)");
        try (Pusher api = api(b)) {
            assertThat(api.trigger("ticker", "Said", Map.of("n", 0)).getHttpStatus()).isEqualTo(503);
            assertThat(api.get("/channels").getHttpStatus()).isEqualTo(503);
        }
        try (RawSocket newcomer = RawSocket.open(URI.create("ws://127.0.0.1:" + b.port() + "/app/" + LocalEnv.KEY))) {
            String socketId = newcomer.socketId();
            newcomer.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}");
            assertThat(newcomer.next()).as("a public subscription is served locally").contains("subscription_succeeded");
            String channelData = "{\"user_id\":\"newcomer\"}";
            String auth = LocalEnv.KEY + ":" + Hmac.sha256Hex(LocalEnv.SECRET, socketId + ":presence-room:" + channelData);
            newcomer.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"presence-room\",\"auth\":\""
                    + auth + "\",\"channel_data\":" + new JsonPrimitive(channelData) + "}}");
            assertThat(newcomer.next()).as("a presence subscription needs the cluster").contains("subscription_error")
                    .contains("\\\"status\\\":503");
        }
        carol.close();

        redis.restart();

        for (NodeProcess node : List.of(a, b)) {
            await().atMost(Duration.ofSeconds(10)).until(() -> get(node.uri("test/ready")) == 200);
        }
        // corrected once every instance has re-registered: two heartbeats after the last, plus one to notice
        assertThat(changeWithin(ada, 20_000)).as("carol left while Redis was down").isEqualTo("left carol");
        try (Pusher api = api(a)) {
            await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(body(api.get("/channels",
                    Map.of("filter_by_prefix", "presence-", "info", "user_count"))))
                    .isEqualTo("{\"channels\":{\"presence-room\":{\"user_count\":2}}}"));
        }
        assertThat(post(a, "test/say/ticker?from=1&count=1")).isEqualTo(204);
        assertThat(said(bob, 1)).as("the first event bob gets is the one sent after Redis came back: neither the "
                + "refused one nor the one reported as failed went out").containsExactly(1);
        JavaClient dan = client(a, "dan");
        dan.pusher.subscribePresence("presence-room", dan.listener);
        awaitMembers(dan, "ada", "bob", "dan");
        assertThat(nextChange(ada)).startsWith("joined dan");
    }

    @Test
    void scalingOverRedisWithoutLettuceFailsNamingTheDependency() throws Exception {
        RedisProcess redis = keep(RedisProcess.start());
        String withoutLettuce = Arrays.stream(System.getProperty("surefire.test.class.path",
                        System.getProperty("java.class.path")).split(File.pathSeparator))
                .filter(entry -> !entry.contains("lettuce"))
                .collect(Collectors.joining(File.pathSeparator));

        String output;
        try {
            NodeProcess node = keep(NodeProcess.start("without-lettuce", settings(redis), withoutLettuce, Map.of()));
            output = node.output();
        } catch (IllegalStateException notStarted) {
            output = notStarted.getMessage();
        }

        assertThat(output).contains("HERALD-0020: 'broadcast.local.scaling=redis' needs the Redis client Lettuce: add "
                + "the dependency io.lettuce:lettuce-core");
    }

    private JavaClient client(NodeProcess node, String user) throws InterruptedException {
        JavaClient client = keep(new JavaClient(node, user));
        client.connected();
        return client;
    }

    private <T extends AutoCloseable> T keep(T resource) {
        resources.add(resource);
        return resource;
    }
}
