package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.cluster.RedisFanout;
import io.herald.testing.RedisProcess;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two instances on one Redis while presence members join and instance A re-registers again and again, forced rather
 * than waited for: a re-registration never removes what is still subscribed, and never counts a change twice.
 */
class ReregistrationRaceTest {
    private static final String KEY = "race-key";
    private static final String SECRET = "race-secret";
    private static final int CHANNELS = 10;
    private static final int MEMBERS = 400;

    private final ExecutorService reregistrations = Executors.newSingleThreadExecutor();
    private RedisProcess redis;
    private LocalApp a;
    private LocalApp b;

    @BeforeEach
    void start() throws Exception {
        redis = RedisProcess.start();
        ClusterSettings cluster = new ClusterSettings(ClusterSettings.Scaling.REDIS, redis.url(), "herald:race",
                Duration.ofSeconds(30), Duration.ofSeconds(2));
        a = instance(cluster);
        b = instance(cluster);
        await().atMost(Duration.ofSeconds(10)).until(() -> a.fanout().isReady() && b.fanout().isReady());
    }

    private static LocalApp instance(ClusterSettings cluster) {
        return TestApps.clustered(KEY, SECRET, cluster);
    }

    @AfterEach
    void stop() throws Exception {
        reregistrations.shutdownNow();
        a.shutdown();
        b.shutdown();
        redis.close();
    }

    private record Member(LocalApp app, String channel, String user, RecordedFrames outbox) {
    }

    private static Member join(LocalApp app, String channel, String user) {
        RecordedFrames outbox = new RecordedFrames();
        LocalSocket socket = app.open(outbox).orElseThrow();
        app.receive(socket, RecordedFrames.presenceSubscribe(socket.socketId(), channel, user, KEY, SECRET));
        return new Member(app, channel, user, outbox);
    }

    @Test
    void membersJoiningWhileAnInstanceReregistersStayMembersEverywhere() throws Exception {
        RedisFanout fanout = (RedisFanout) a.fanout();
        AtomicBoolean joining = new AtomicBoolean(true);
        AtomicInteger forced = new AtomicInteger();
        Future<?> racing = reregistrations.submit(() -> {
            while (joining.get()) {
                fanout.reregisterNow();
                forced.incrementAndGet();
            }
        });
        List<Member> members = new ArrayList<>();
        for (int i = 0; i < MEMBERS; i++) {
            // Most join on A, the one re-registering; every fifth on B.
            members.add(join(i % 5 == 0 ? b : a, "presence-room-" + i % CHANNELS, "user-" + i));
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> members.stream()
                .filter(member -> !member.outbox().subscribedTo(member.channel())).count(), count -> count == 0);
        joining.set(false);
        racing.get();
        fanout.reregisterNow();

        assertThat(forced.get()).isGreaterThan(1);
        for (int channel = 0; channel < CHANNELS; channel++) {
            String name = "presence-room-" + channel;
            Set<String> expected = new TreeSet<>();
            members.stream().filter(member -> member.channel().equals(name)).map(Member::user).forEach(expected::add);
            for (LocalApp instance : List.of(a, b)) {
                assertThat(new TreeSet<>(instance.users(name))).as("%s users", name).isEqualTo(expected);
                assertThat(instance.channel(name)).map(ChannelSummary::subscriptionCount).as("%s subscriptions", name)
                        .contains(expected.size());
            }
        }
        assertThat(members.stream().flatMap(member -> member.outbox().frames.stream())
                .filter(frame -> frame.contains("pusher_internal:member_removed")).toList())
                .as("member_removed sent to members that never left").isEmpty();
    }
}
