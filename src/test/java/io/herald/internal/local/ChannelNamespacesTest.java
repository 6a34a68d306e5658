package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.internal.background.Background;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.testing.HeraldTestExtension;
import io.herald.testing.LogCapture;
import io.herald.testing.ManualClock;
import io.herald.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Options by channel pattern ({@code broadcast.<c>.namespace.<name>.*}): a channel of a namespace takes the options
 * it sets and the connection's for the rest, a channel of none keeps the connection's, and the cache lifetime and the
 * subscriber limit hold in one process and over a cluster on a real redis-server.
 */
class ChannelNamespacesTest {
    private static final String[] NAMESPACES = {
        "broadcast.local.client-events=false", "broadcast.local.max-presence-members=100",
        "broadcast.local.namespace.chat.pattern=presence-chat.{room}",
        "broadcast.local.namespace.chat.client-events=true",
        "broadcast.local.namespace.chat.max-presence-members=5",
        "broadcast.local.namespace.tickers.pattern=cache-ticker.{symbol}",
        "broadcast.local.namespace.tickers.cache-ttl-seconds=10",
        "broadcast.local.namespace.stage.pattern=stage.{show}",
        "broadcast.local.namespace.stage.max-subscribers=2"};

    @AfterEach
    void releaseConfig() {
        ConfigProviderResolver resolver = ConfigProviderResolver.instance();
        resolver.releaseConfig(resolver.getConfig(Thread.currentThread().getContextClassLoader()));
    }

    private static LocalSettings settings(String... entries) {
        Map<String, String> config = new HashMap<>(Map.of("broadcast.local.driver", "local",
                "broadcast.local.app-id", "1", "broadcast.local.key", "ns-key", "broadcast.local.secret", "ns-secret"));
        for (String entry : entries) {
            config.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        HeraldTestExtension.useConfig(config);
        return LocalSettings.from(HeraldSettings.fromMicroProfileConfig().connection("local"));
    }

    @Test
    void aChannelOfANamespaceTakesTheOptionsItSets() {
        ChannelOptions chat = settings(NAMESPACES).channel("presence-chat.42");

        assertThat(chat.clientEvents()).isTrue();
        assertThat(chat.maxPresenceMembers()).isEqualTo(5);
    }

    @Test
    void anOptionTheNamespaceDoesNotSetIsTheConnections() {
        ChannelOptions chat = settings(NAMESPACES).channel("presence-chat.42");

        assertThat(chat.cacheLifetime()).isEqualTo(Duration.ofMinutes(30));
        assertThat(chat.maxSubscribers()).isZero();
    }

    @Test
    void aChannelOfNoNamespaceKeepsTheConnectionsOptions() {
        LocalSettings settings = settings(NAMESPACES);

        assertThat(settings.channel("presence-hall")).isEqualTo(new ChannelOptions(false, 100, Duration.ofMinutes(30), 0));
        assertThat(settings.channel("presence-chat.42.extra")).as("a {part} is one dot-free run")
                .isEqualTo(settings.channel("presence-hall"));
    }

    @Test
    void theConnectionsOwnCacheLifetimeAndSubscriberLimitAreItsDefaults() {
        LocalSettings settings = settings("broadcast.local.cache-ttl-seconds=60", "broadcast.local.max-subscribers=9");

        assertThat(settings.channel("cache-news")).isEqualTo(new ChannelOptions(false, 100, Duration.ofMinutes(1), 9));
    }

    @Test
    void aCacheChannelOfANamespaceKeepsItsLastEventForTheNamespacesLifetime() {
        ManualClock clock = new ManualClock();
        Background background = Background.system();
        LocalApp app = new LocalApp(settings(NAMESPACES), LocalServerMetrics.NONE, ChannelFacts.NONE, Optional.empty(),
                new Background(background.ticker(), background.sleeper(), background.jitter(), clock,
                        background.threads()));
        try {
            publish(app, "cache-ticker.ACME", "cache-news");
            clock.advance(Duration.ofSeconds(11));

            assertThat(subscribe(app, "cache-ticker.ACME")).as("the namespace's 10 s are over")
                    .anyMatch(frame -> frame.contains("pusher:cache_miss"));
            assertThat(subscribe(app, "cache-news")).as("Pusher's 30 minutes elsewhere")
                    .anyMatch(frame -> frame.contains("\"event\":\"Price\""));
        } finally {
            app.shutdown();
        }
    }

    @Test
    void overRedisTheCachedEventLivesForTheNamespacesLifetime() throws Exception {
        LocalSettings settings = settings(NAMESPACES);
        try (RedisProcess redis = RedisProcess.start()) {
            LocalApp app = clustered(settings, redis, "herald:ttl");
            RedisClient client = RedisClient.create(redis.url());
            try {
                publish(app, "cache-ticker.ACME", "cache-news");

                var commands = client.connect().sync();
                assertThat(commands.pttl("herald:ttl:cache:cache-ticker.ACME")).isBetween(1L, 10_000L);
                assertThat(commands.pttl("herald:ttl:cache:cache-news")).isGreaterThan(29 * 60_000L);
            } finally {
                client.shutdown();
                app.shutdown();
            }
        }
    }

    @Test
    void theSubscriberLimitIsTheClustersOverTwoInstances() throws Exception {
        LocalSettings settings = settings(NAMESPACES);
        try (RedisProcess redis = RedisProcess.start()) {
            LocalApp a = clustered(settings, redis, "herald:stage");
            LocalApp b = clustered(settings, redis, "herald:stage");
            try {
                await().atMost(Duration.ofSeconds(10)).until(() -> a.fanout().isReady() && b.fanout().isReady());
                Client first = subscribed(a, "stage.1");
                subscribed(b, "stage.1");
                await().atMost(Duration.ofSeconds(10)).until(() -> a.occupied("stage.").stream()
                        .anyMatch(channel -> channel.subscriptionCount() == 2));

                try (LogCapture log = LogCapture.withDebug()) {
                    assertThat(refusal(a, "stage.1")).contains("Channel is full (2 subscribers)").contains("4100");
                    assertThat(log.text()).contains("HERALD-0232: A subscription to 'stage.1' was refused with 4100: "
                            + "the channel has its 2 subscribers");
                }
                assertThat(refusal(b, "stage.1")).contains("Channel is full (2 subscribers)");
                subscribed(a, "stage.2");   // each channel has its own count

                a.closed(first.socket());
                await().atMost(Duration.ofSeconds(10)).until(() -> a.occupied("stage.1").stream()
                        .anyMatch(channel -> channel.subscriptionCount() == 1));
                subscribed(b, "stage.1");   // one left: room for one more
            } finally {
                a.shutdown();
                b.shutdown();
            }
        }
    }

    private static LocalApp clustered(LocalSettings settings, RedisProcess redis, String prefix) {
        return new LocalApp(settings, LocalServerMetrics.NONE, ChannelFacts.NONE, Optional.of(new ClusterSettings(
                ClusterSettings.Scaling.REDIS, redis.url(), prefix, Duration.ofSeconds(3), Duration.ofSeconds(2))),
                Background.system());
    }

    private static void publish(LocalApp app, String... channels) {
        app.fanout().publish(new ClusterMessage.Published(List.of(channels), "Price", "{\"price\":1}", null, null));
    }

    private record Client(LocalSocket socket, RecordedFrames outbox) {
    }

    // A new connection that has asked to subscribe to `channel`, once `answered` holds for its frames.
    private static Client subscribing(LocalApp app, String channel, Predicate<RecordedFrames> answered) {
        RecordedFrames outbox = new RecordedFrames();
        LocalSocket socket = app.open(outbox).orElseThrow();
        app.receive(socket, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
        await().atMost(Duration.ofSeconds(10)).until(() -> answered.test(outbox));
        return new Client(socket, outbox);
    }

    // The frames a connection gets from subscribing: established, succeeded, then the cached event or a miss.
    private static List<String> subscribe(LocalApp app, String channel) {
        return subscribing(app, channel, outbox -> outbox.frames.size() >= 3).outbox().frames;
    }

    private static Client subscribed(LocalApp app, String channel) {
        return subscribing(app, channel, outbox -> outbox.subscribedTo(channel));
    }

    private static String refusal(LocalApp app, String channel) {
        return String.join("\n", subscribing(app, channel, outbox -> outbox.frames.stream()
                .anyMatch(frame -> frame.contains("pusher:subscription_error"))).outbox().frames);
    }
}
