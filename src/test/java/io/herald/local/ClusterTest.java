package io.herald.local;

import io.herald.testing.NodeTestRun;
import static io.herald.local.JavaClient.next;
import static io.herald.local.JavaClient.nextNotStartingWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import com.pusher.client.channel.PusherEvent;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.testing.RedisProcess;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Two instances of an application in their own JVMs, one private {@code redis-server}, and unmodified clients
 * (pusher-java-client, pusher-http-java, and pusher-js in Node) connected to different instances: what one instance
 * publishes or learns, every instance's clients see.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ClusterTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    private RedisProcess redis;
    private NodeProcess a;
    private NodeProcess b;
    private final List<AutoCloseable> clients = new ArrayList<>();

    @BeforeAll
    void startCluster() throws Exception {
        redis = RedisProcess.start();
        a = NodeProcess.start("a", settings(redis));
        b = NodeProcess.start("b", settings(redis));
    }

    static List<String> settings(RedisProcess redis, String... more) {
        List<String> settings = new ArrayList<>(List.of("broadcast.local.scaling=redis",
                "broadcast.local.redis.url=" + redis.url(), "broadcast.local.max-presence-members=3"));
        settings.addAll(List.of(more));
        return settings;
    }

    @AfterAll
    void stopCluster() throws Exception {
        for (AutoCloseable client : clients) {
            client.close();
        }
        a.close();
        b.close();
        redis.close();
    }

    @Test
    void eventsFiredOnOneInstanceReachEveryInstanceOnceInOrder() throws Exception {
        JavaClient onA = subscribedTo(a, "ada", "ticker");
        JavaClient onB = subscribedTo(b, "bob", "ticker");

        assertThat(post(a, "test/say/ticker?from=0&count=200")).isEqualTo(204);

        assertThat(said(onA, 200)).containsExactlyElementsOf(range(0, 200));
        assertThat(said(onB, 200)).containsExactlyElementsOf(range(0, 200));
        assertThat(post(a, "test/say/ticker?from=200&count=1")).isEqualTo(204);
        assertThat(said(onB, 1)).as("the marker comes next: no event twice").containsExactly(200);
    }

    @Test
    void restApiExclusionWorksForASocketOnAnotherInstance() throws Exception {
        JavaClient sender = subscribedTo(b, "ada", "chat");
        JavaClient other = subscribedTo(a, "bob", "chat");

        try (Pusher api = api(a)) {
            api.trigger("chat", "Said", Map.of("n", 1), sender.pusher.getConnection().getSocketId());
            api.trigger("chat", "Said", Map.of("n", 2));
        }

        assertThat(said(other, 2)).containsExactly(1, 2);
        assertThat(said(sender, 1)).as("the excluded socket's first event is the second one").containsExactly(2);
    }

    @Test
    void presenceListsTheMembersOfEveryInstance() throws Exception {
        JavaClient ada = presenceOn(a, "ada", "presence-room.1");
        assertThat(next(ada.presence)).isEqualTo("here ada");

        JavaClient bob = presenceOn(b, "bob", "presence-room.1");

        awaitMembers(bob, "ada", "bob");
        assertThat(nextChange(ada)).startsWith("joined bob");
    }

    @Test
    void aUserWithTabsOnTwoInstancesIsOneMember() throws Exception {
        JavaClient watcher = presenceOn(b, "dan", "presence-room.2");
        awaitMembers(watcher, "dan");
        JavaClient tabOnA = presenceOn(a, "carol", "presence-room.2");
        assertThat(nextChange(watcher)).startsWith("joined carol");
        JavaClient tabOnB = presenceOn(b, "carol", "presence-room.2");
        awaitMembers(tabOnB, "carol", "dan");

        tabOnA.pusher.unsubscribe("presence-room.2");
        presenceOn(a, "erin", "presence-room.2");
        assertThat(nextChange(watcher)).as("carol still has a tab: erin's join comes next").startsWith("joined erin");

        tabOnB.pusher.unsubscribe("presence-room.2");
        assertThat(nextChange(watcher)).isEqualTo("left carol");
        presenceOn(b, "fred", "presence-room.2");
        assertThat(nextChange(watcher)).as("carol left once: fred's join comes next").startsWith("joined fred");
    }

    @Test
    void presenceCapacityCountsTheWholeCluster() throws Exception {
        presenceOn(a, "u1", "presence-full");
        presenceOn(b, "u2", "presence-full");
        presenceOn(a, "u3", "presence-full");
        JavaClient fourth = new JavaClient(b, "u4");
        clients.add(fourth);
        fourth.connected();
        fourth.pusher.subscribePresence("presence-full", fourth.listener);

        assertThat(nextNotStartingWith(fourth.errors, "auth")).contains("4100");
    }

    @Test
    void restQueriesAnswerForTheClusterOnEveryInstance() throws Exception {
        presenceOn(a, "eve", "presence-query");
        presenceOn(b, "fay", "presence-query");
        subscribedTo(a, "gus", "query-public");
        subscribedTo(b, "hal", "query-public");
        subscribedTo(b, "ida", "query-public");

        for (NodeProcess node : List.of(a, b)) {
            try (Pusher api = api(node)) {
                assertThat(body(api.get("/channels", Map.of("filter_by_prefix", "presence-query",
                        "info", "user_count")))).isEqualTo("{\"channels\":{\"presence-query\":{\"user_count\":2}}}");
                assertThat(body(api.get("/channels/query-public", Map.of("info", "subscription_count"))))
                        .isEqualTo("{\"occupied\":true,\"subscription_count\":3}");
                assertThat(JsonParser.parseString(body(api.get("/channels/presence-query/users"))).toString())
                        .contains("{\"id\":\"eve\"}").contains("{\"id\":\"fay\"}");
                assertThat(body(api.get("/channels", Map.of("filter_by_prefix", "query-"))))
                        .isEqualTo("{\"channels\":{\"query-public\":{}}}");
            }
        }
    }

    @Test
    void terminateClosesTheUsersConnectionsOnEveryInstance() throws Exception {
        JavaClient onA = signedIn(a, "mallory");
        JavaClient onB = signedIn(b, "mallory");

        try (Pusher api = api(a)) {
            assertThat(api.post("/users/mallory/terminate_connections", "{}").getStatus())
                    .isEqualTo(Result.Status.SUCCESS);
        }

        assertThat(nextNotStartingWith(onA.errors, "auth")).contains("4009");
        assertThat(nextNotStartingWith(onB.errors, "auth")).contains("4009");
    }

    @Test
    void sendToUserReachesTheUserOnEveryInstance() throws Exception {
        JavaClient onA = signedIn(a, "olga");
        JavaClient onB = signedIn(b, "olga");

        assertThat(post(b, "test/user/olga")).isEqualTo(204);

        assertThat(next(onA.events).getData()).isEqualTo("{\"total\":12}");
        assertThat(next(onB.events).getData()).isEqualTo("{\"total\":12}");
        assertThat(post(b, "test/user/olga?total=13")).isEqualTo(204);
        assertThat(next(onA.events).getData()).as("the marker comes next: no event twice")
                .isEqualTo("{\"total\":13}");
    }

    @Test
    void clientEventsCrossInstances() throws Exception {
        JavaClient ada = new JavaClient(a, "ada");
        JavaClient bob = new JavaClient(b, "bob");
        clients.add(ada);
        clients.add(bob);
        ada.connected();
        bob.connected();
        var adasChannel = ada.pusher.subscribePrivate("private-chat.9", ada.listener, "client-typing");
        var bobsChannel = bob.pusher.subscribePrivate("private-chat.9", bob.listener, "client-typing");
        next(ada.subscribed);
        next(bob.subscribed);

        adasChannel.trigger("client-typing", "{\"who\":\"ada\"}");

        PusherEvent typing = next(bob.events);
        assertThat(typing.getEventName()).isEqualTo("client-typing");
        assertThat(typing.getData()).isEqualTo("{\"who\":\"ada\"}");
        bobsChannel.trigger("client-typing", "{\"who\":\"bob\"}");
        assertThat(next(ada.events).getData()).as("bob's answer comes next: ada's own event did not come back")
                .isEqualTo("{\"who\":\"bob\"}");
    }

    // The late instance is configured as a container platform would: environment variables.
    @Test
    void anInstanceStartedLaterSeesTheCurrentMembersAndChannels() throws Exception {
        presenceOn(a, "kim", "presence-late");
        presenceOn(b, "lee", "presence-late");

        try (NodeProcess late = NodeProcess.start("late", List.of("broadcast.local.max-presence-members=3"),
                Map.of("BROADCAST_LOCAL_SCALING", "redis", "BROADCAST_LOCAL_REDIS_URL", redis.url()));
                Pusher api = api(late)) {
            assertThat(body(api.get("/channels", Map.of("filter_by_prefix", "presence-late", "info", "user_count"))))
                    .isEqualTo("{\"channels\":{\"presence-late\":{\"user_count\":2}}}");
            JavaClient newcomer = presenceOn(late, "max", "presence-late");
            awaitMembers(newcomer, "kim", "lee", "max");
        }
    }

    @Test
    void channelEventsAreObservedOnceInTheClusterByTheInstanceThatCausedThem() throws Exception {
        JavaClient first = presenceOn(b, "nia", "presence-hooks");
        JavaClient second = presenceOn(a, "oto", "presence-hooks");
        second.close();
        await().until(() -> text(a.uri("test/channel-events/presence-hooks")).contains("MemberRemoved oto"));
        first.close();

        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
            assertThat(text(b.uri("test/channel-events/presence-hooks")).lines()).containsExactly("ChannelOccupied",
                    "MemberAdded nia", "MemberRemoved nia", "ChannelVacated");
            assertThat(text(a.uri("test/channel-events/presence-hooks")).lines()).containsExactly("MemberAdded oto",
                    "MemberRemoved oto");
        });
    }

    @Test
    void pusherJsOnOneInstanceSeesWhatAnotherInstancePublishes() throws Exception {
        assertThat(Path.of("node_modules", "pusher-js")).as("npm packages (run npm ci at the project root)").exists();
        NodeTestRun.assertPasses("src/test/js/cluster.test.mjs", 5, 120, Map.of(
                "HERALD_URL_A", "http://127.0.0.1:" + a.port(),
                "HERALD_URL_B", "http://127.0.0.1:" + b.port(),
                "HERALD_KEY", LocalEnv.KEY,
                "HERALD_APP_ID", LocalEnv.APP_ID,
                "HERALD_SECRET", LocalEnv.SECRET));
    }

    private JavaClient subscribedTo(NodeProcess node, String user, String channel) throws InterruptedException {
        JavaClient client = new JavaClient(node, user);
        clients.add(client);
        client.connected();
        client.pusher.subscribe(channel, client.listener, "Said");
        assertThat(next(client.subscribed)).isEqualTo(channel);
        return client;
    }

    // Subscribed once it returns, so that the next member joins after this one.
    private JavaClient presenceOn(NodeProcess node, String user, String channel) throws InterruptedException {
        JavaClient client = new JavaClient(node, user);
        clients.add(client);
        client.connected();
        client.pusher.subscribePresence(channel, client.listener);
        assertThat(next(client.subscribed)).isEqualTo(channel);
        return client;
    }

    private JavaClient signedIn(NodeProcess node, String user) throws Exception {
        JavaClient client = new JavaClient(node, user);
        clients.add(client);
        client.connected();
        client.pusher.user().bind("Invoice", client.listener);
        client.pusher.signin();
        // The server confirms a sign-in once events for the user reach this connection. (pusher-java-client may
        // sign in twice while connecting and then throws on its own thread, which is not this test's concern.)
        await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10))
                .until(() -> user.equals(client.pusher.user().userId()));
        return client;
    }

    /**
     * The next member joining or leaving. pusher-java-client may subscribe twice when its connection comes up (it
     * subscribes what is pending on CONNECTED, and so does a subscribe call racing with it); the server answers each
     * with the member list again, which these helpers skip.
     */
    static String nextChange(JavaClient client) throws InterruptedException {
        return nextNotStartingWith(client.presence, "here");
    }

    /** The next member change within {@code millis}, or null. */
    static String changeWithin(JavaClient client, long millis) throws InterruptedException {
        long deadline = System.nanoTime() + millis * 1_000_000;
        String item;
        do {
            item = client.presence.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        } while (item != null && item.startsWith("here"));
        return item;
    }

    static void awaitMembers(JavaClient client, String... ids) throws InterruptedException {
        List<String> here = new ArrayList<>();
        for (int i = 0; i < ids.length; i++) {
            String item;
            do {
                item = client.presence.poll(10, TimeUnit.SECONDS);
                assertThat(item).as("members %s arrived; errors %s", here, client.errors).isNotNull();
            } while (item.startsWith("joined"));
            here.add(item);
        }
        assertThat(here).containsExactlyInAnyOrderElementsOf(List.of(ids).stream().map(id -> "here " + id).toList());
    }

    static List<Integer> said(JavaClient client, int count) throws InterruptedException {
        List<Integer> numbers = new ArrayList<>();
        while (numbers.size() < count) {
            PusherEvent event = next(client.events);
            numbers.add(JsonParser.parseString(event.getData()).getAsJsonObject().get("n").getAsInt());
        }
        return numbers;
    }

    static List<Integer> range(int from, int to) {
        return java.util.stream.IntStream.range(from, to).boxed().toList();
    }

    static int post(NodeProcess node, String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(node.uri(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static String text(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).body();
    }

    static int get(URI uri) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(uri).GET().build(), HttpResponse.BodyHandlers.ofString()).statusCode();
    }

    static Pusher api(NodeProcess node) {
        Pusher pusher = new Pusher(LocalEnv.APP_ID, LocalEnv.KEY, LocalEnv.SECRET);
        pusher.setHost("127.0.0.1:" + node.port());
        return pusher;
    }

    static String body(Result result) {
        assertThat(result.getStatus()).as(result.getMessage()).isEqualTo(Result.Status.SUCCESS);
        return result.getMessage();
    }
}
