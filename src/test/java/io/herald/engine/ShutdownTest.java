package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.BroadcastFailed;
import io.herald.Broadcaster;
import io.herald.testing.HeraldContainer;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.Awaitility;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Stopping the application while events wait: the queue drains for a while, the rest is reported. */
class ShutdownTest {

    @Test
    void stopWhileEventsAreQueuedDeliversSomeAndReportsEveryOtherOnce() throws Exception {
        try (PusherRestStandIn pusher = new PusherRestStandIn()) {
            pusher.delayAnswers(Duration.ofMillis(200));
            WeldContainer container = HeraldContainer.start(Map.of(
                    "broadcast.pusher.driver", "pusher", "broadcast.pusher.app-id", PusherRestStandIn.APP_ID,
                    "broadcast.pusher.key", PusherRestStandIn.KEY, "broadcast.pusher.secret", PusherRestStandIn.SECRET,
                    "broadcast.pusher.host", "127.0.0.1", "broadcast.pusher.port", String.valueOf(pusher.port()),
                    "broadcast.pusher.ssl", "false", "broadcast.pusher.async", "true", "broadcast.pusher.senders", "1",
                    "broadcast.pusher.shutdown-timeout-ms", "500"), Failures.class);
            List<BroadcastFailed> reported;
            try {
                container.select(Failures.class).get().seen();
                var ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);
                IntStream.range(0, 200).forEach(seq -> ticks.fire(new Tick(seq)));
            } finally {
                container.close();
            }
            reported = Failures.seenByTheLastContainer();

            Set<Integer> delivered = pusher.published().stream().map(Published::data)
                    .map(data -> Integer.parseInt(data.replaceAll("\\D", ""))).collect(Collectors.toSet());
            List<Integer> failed = reported.stream().map(f -> ((Tick) f.payload()).seq()).toList();
            assertThat(delivered).isNotEmpty();
            assertThat(failed).isNotEmpty().doesNotHaveDuplicates();
            assertThat(reported).allSatisfy(f -> assertThat(f.cause()).hasMessageContaining("application stopped"));
            Set<Integer> all = new HashSet<>(delivered);
            all.addAll(failed);
            assertThat(all).hasSize(200);
            assertThat(delivered).doesNotContainAnyElementsOf(failed);
        }
    }

    /**
     * Four threads call {@code channelAsync} in a loop while the container stops, 25 times: every stage that was
     * returned completes, each event delivered or reported.
     */
    @Test
    void everyAcceptedStageCompletesWhenTheApplicationStopsUnderLoad() throws Exception {
        try (PusherRestStandIn pusher = new PusherRestStandIn()) {
            pusher.delayAnswers(Duration.ofMillis(2));
            Map<String, String> config = new java.util.HashMap<>(pusher.settingsFor("pusher"));
            config.put("broadcast.pusher.shutdown-timeout-ms", "50");
            int accepted = 0;
            for (int round = 0; round < 25; round++) {
                WeldContainer container = HeraldContainer.start(config);
                Broadcaster broadcaster = container.select(Broadcaster.class).get();
                List<CompletableFuture<Void>> stages = new CopyOnWriteArrayList<>();
                CountDownLatch firing = new CountDownLatch(4);
                ExecutorService callers = Executors.newFixedThreadPool(4);
                for (int caller = 0; caller < 4; caller++) {
                    callers.execute(() -> {
                        firing.countDown();
                        for (int seq = 0; ; seq++) {
                            try {
                                stages.add(broadcaster.channelAsync(new Tick(seq)).toCompletableFuture());
                            } catch (BroadcastException refused) {
                                if (!refused.reason().contains("queue is full")) {
                                    return;
                                }
                            } catch (RuntimeException containerGone) {
                                return;
                            }
                        }
                    });
                }
                firing.await();
                Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> stages.size() >= 1_000);
                container.close();
                callers.shutdown();
                assertThat(callers.awaitTermination(30, TimeUnit.SECONDS)).isTrue();

                CompletableFuture.allOf(stages.toArray(CompletableFuture[]::new)).handle((ignored, failure) -> null)
                        .get(30, TimeUnit.SECONDS);
                assertThat(stages).as("round %d", round).allSatisfy(stage -> assertThat(stage).isDone());
                accepted += stages.size();
            }
            assertThat(accepted).isGreaterThanOrEqualTo(25 * 1_000);
        }
    }
}
