package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.internal.cluster.ClusterMessage;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Routing by interest, on two instances and a private redis-server: an instance listens to the events of the channels
 * its connections hold and of no other, a subscriber is told it subscribed only once the channel's events reach its
 * instance, and a channel nobody holds any more is let go after a heartbeat.
 */
class RoutingByInterestTest {
    private static final String PREFIX = "herald:routing";

    private RedisProcess redis;
    private RedisClient client;
    private RedisCommands<String, String> commands;
    private LocalApp a;
    private LocalApp b;

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.start();
        client = RedisClient.create(redis.url());
        commands = client.connect().sync();
        ClusterSettings cluster = new ClusterSettings(ClusterSettings.Scaling.REDIS, redis.url(), PREFIX,
                Duration.ofSeconds(3), Duration.ofSeconds(2));
        a = TestApps.clustered("routing-key", "routing-secret", cluster);
        b = TestApps.clustered("routing-key", "routing-secret", cluster);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.fanout().isReady() && b.fanout().isReady());
    }

    @AfterEach
    void stop() throws Exception {
        a.shutdown();
        b.shutdown();
        client.shutdown();
        redis.close();
    }

    @Test
    void anInstanceListensOnlyToTheChannelsItsConnectionsHold() {
        RecordedFrames onA = subscribe(a, "room-1");
        RecordedFrames onB = subscribe(b, "room-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.subscribedTo("room-1") && onB.subscribedTo("room-2"));

        assertThat(listeners("room-1")).isEqualTo(1);
        assertThat(listeners("room-2")).isEqualTo(1);
        assertThat(commands.pubsubChannels(PREFIX + ":ev:*")).containsExactlyInAnyOrder(PREFIX + ":ev:room-1",
                PREFIX + ":ev:room-2");
    }

    @Test
    void eventsReachTheSubscribersOfEveryInstanceThatHoldsTheChannel() {
        RecordedFrames onA = subscribe(a, "room-1");
        RecordedFrames onB = subscribe(b, "room-1");
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.subscribedTo("room-1") && onB.subscribedTo("room-1"));

        a.fanout().publish(new ClusterMessage.Published(List.of("room-1", "room-2"), "E", "{\"n\":1}", null, null));

        await().atMost(Duration.ofSeconds(10)).until(() -> events(onA).size() == 1 && events(onB).size() == 1);
        assertThat(events(onB).get(0)).contains("\"channel\":\"room-1\"");
    }

    @Test
    void aSubscriberIsToldItSubscribedOnlyOnceTheChannelsEventsReachItsInstance() {
        // Each subscriber's event is published the moment its subscription_succeeded is written, through the other
        // instance: had the instance not listened to the channel yet, Redis would have sent the event to nobody.
        List<RecordedFrames> subscribers = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            String channel = "room-" + i;
            PublishingOnConfirmation outbox = new PublishingOnConfirmation(channel, frame -> a.fanout().publish(
                    new ClusterMessage.Published(List.of(channel), "E", "{}", null, null)));
            LocalSocket socket = b.open(outbox).orElseThrow();
            b.receive(socket, subscribeFrame(channel));
            subscribers.add(outbox);
        }

        await().atMost(Duration.ofSeconds(20)).until(() -> subscribers.stream().allMatch(s -> events(s).size() == 1));
    }

    @Test
    void aChannelNobodyHoldsAnyMoreIsLetGoAfterAHeartbeat() {
        RecordedFrames onA = new RecordedFrames();
        LocalSocket socket = a.open(onA).orElseThrow();
        a.receive(socket, subscribeFrame("room-1"));
        await().atMost(Duration.ofSeconds(10)).until(() -> onA.subscribedTo("room-1"));

        a.receive(socket, "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"room-1\"}}");

        await().atMost(Duration.ofSeconds(10)).until(() -> listeners("room-1") == 0);
    }

    @Test
    void aConnectionThatClosesBeforeItsSubscriptionCompletesLeavesNothingHeld() {
        RecordedFrames onA = new RecordedFrames();
        LocalSocket socket = a.open(onA).orElseThrow();
        a.receive(socket, subscribeFrame("room-1"));
        a.closed(socket);
        // A marker: room-2's SUBSCRIBE follows room-1's on the same connection, so once room-2 is confirmed, room-1
        // was subscribed too, and only its release can take it away again.
        RecordedFrames marker = subscribe(a, "room-2");
        await().atMost(Duration.ofSeconds(10)).until(() -> marker.subscribedTo("room-2"));

        await().atMost(Duration.ofSeconds(10)).until(() -> listeners("room-1") == 0);
        assertThat(a.channel("room-1")).isEmpty();
    }

    private RecordedFrames subscribe(LocalApp app, String channel) {
        RecordedFrames outbox = new RecordedFrames();
        LocalSocket socket = app.open(outbox).orElseThrow();
        app.receive(socket, subscribeFrame(channel));
        return outbox;
    }

    private long listeners(String channel) {
        Map<String, Long> counts = commands.pubsubNumsub(PREFIX + ":ev:" + channel);
        return counts.getOrDefault(PREFIX + ":ev:" + channel, 0L);
    }

    private static String subscribeFrame(String channel) {
        return "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}";
    }

    private static List<String> events(RecordedFrames outbox) {
        return outbox.frames.stream().filter(frame -> frame.startsWith("{\"event\":\"E\"")).toList();
    }

    /** Records frames, and runs {@code onConfirmation} on the thread that writes the channel's subscription_succeeded. */
    private static final class PublishingOnConfirmation extends RecordedFrames {
        private final String channel;
        private final Consumer<String> onConfirmation;

        PublishingOnConfirmation(String channel, Consumer<String> onConfirmation) {
            this.channel = channel;
            this.onConfirmation = onConfirmation;
        }

        @Override
        public void send(String frame, Consumer<Throwable> done) {
            super.send(frame, done);
            if (frame.contains("subscription_succeeded") && frame.contains("\"channel\":\"" + channel + "\"")) {
                onConfirmation.accept(frame);
            }
        }
    }
}
