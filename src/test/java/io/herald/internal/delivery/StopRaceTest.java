package io.herald.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.BroadcastException;
import io.herald.internal.observability.BroadcastTracing;
import io.herald.internal.observability.DeliveryMetrics;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Submitting, starting senders and stopping, raced against each other on real threads, many times: stopping never
 * throws, every event is refused to its caller or else delivered or reported, exactly once, and every stage completes.
 */
class StopRaceTest {
    private static final int ROUNDS = 200;
    private static final int SUBMITTERS = 4;
    private static final int EVENTS_EACH = 50;

    private final ExecutorService threads = Executors.newFixedThreadPool(SUBMITTERS + 1);

    @AfterEach
    void stopThreads() {
        threads.shutdownNow();
    }

    /** Delivers instantly, or slowly enough that a short shutdown leaves events behind; counts each event. */
    private static final class CountingDriver implements BroadcastDriver {
        final Map<String, AtomicInteger> delivered = new ConcurrentHashMap<>();
        private final boolean slow;

        CountingDriver(boolean slow) {
            this.slow = slow;
        }

        @Override
        public void send(OutboundEvent event) {
            if (slow) {
                long until = System.nanoTime() + 20_000;
                while (System.nanoTime() < until) {
                    Thread.onSpinWait();
                }
            }
            delivered.computeIfAbsent(event.name(), name -> new AtomicInteger()).incrementAndGet();
        }

        @Override
        public int maxBatchSize() {
            return 10;
        }
    }

    @Test
    void submitAndStopRacedAgainstEachOtherLoseNothingAndReportNothingTwice() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            race(round, round % 2 == 0);
        }
    }

    private void race(int round, boolean slow) throws Exception {
        CountingDriver driver = new CountingDriver(slow);
        Map<String, AtomicInteger> reported = new ConcurrentHashMap<>();
        SenderThreads senders = SenderThreads.own("race");
        DeliverySettings settings = new DeliverySettings(false, 100_000, Duration.ZERO, 4, 1, Duration.ofSeconds(30),
                Duration.ofMillis(1), Duration.ofMillis(1), Duration.ofMillis(slow ? 1 : 5_000));
        DeliveryEngine engine = new DeliveryEngine(new ConfiguredConnection.Identity("race", "counting"), driver, settings,
                (pending, failure) -> reported.computeIfAbsent(pending.event().name(), name -> new AtomicInteger())
                        .incrementAndGet(),
                DeliveryMetrics.NONE, BroadcastTracing.NONE, EngineEnvironment.system(senders.executor()));
        List<String> refused = new CopyOnWriteArrayList<>();
        Map<String, CompletableFuture<Void>> accepted = new ConcurrentHashMap<>();
        CyclicBarrier start = new CyclicBarrier(SUBMITTERS + 1);
        List<Future<?>> work = new CopyOnWriteArrayList<>();
        for (int submitter = 0; submitter < SUBMITTERS; submitter++) {
            int first = submitter * EVENTS_EACH;
            work.add(threads.submit(() -> {
                start.await();
                for (int seq = first; seq < first + EVENTS_EACH; seq++) {
                    String name = "E" + seq;
                    try {
                        accepted.put(name, engine.submit(new OutboundEvent(List.of("ticks"), name, "{}", null), null));
                    } catch (BroadcastException e) {
                        refused.add(name);
                    }
                }
                return null;
            }));
        }
        work.add(threads.submit(() -> {
            start.await();
            engine.stop();
            return null;
        }));
        for (Future<?> done : work) {
            done.get(30, TimeUnit.SECONDS);
        }
        CompletableFuture.allOf(accepted.values().toArray(CompletableFuture[]::new))
                .handle((ignored, failure) -> null).get(30, TimeUnit.SECONDS);
        senders.close();

        assertThat(accepted.size() + refused.size()).as("round %d", round).isEqualTo(SUBMITTERS * EVENTS_EACH);
        accepted.forEach((name, stage) -> {
            int sent = driver.delivered.getOrDefault(name, new AtomicInteger()).get();
            int failed = reported.getOrDefault(name, new AtomicInteger()).get();
            assertThat(sent + failed).as("round %d: %s delivered %d, reported %d", round, name, sent, failed)
                    .isEqualTo(1);
            assertThat(stage.isCompletedExceptionally()).as("round %d: %s", round, name).isEqualTo(failed == 1);
        });
        assertThat(refused).allSatisfy(name -> assertThat(driver.delivered).doesNotContainKey(name));
    }
}
