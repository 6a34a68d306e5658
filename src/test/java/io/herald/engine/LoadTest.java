package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * 100,000 events fired from 8 threads through a queue of 2,000, so that callers wait for room: every event arrives
 * exactly once, nothing is reported, and no request carries more than Pusher's 10 events (the stand-in refuses more).
 */
@HeraldTest
@AddBeanClasses(Failures.class)
@Config({"broadcast.pusher.async=true", "broadcast.pusher.queue-capacity=2000", "broadcast.pusher.queue-wait-ms=60000"})
class LoadTest {
    private static final int EVENTS = 100_000;
    private static final int THREADS = 8;

    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<Tick> ticks;

    @Inject
    Failures failures;

    @Test
    void hundredThousandEventsFromEightThreadsArriveExactlyOnce() throws Exception {
        ExecutorService firing = Executors.newFixedThreadPool(THREADS);
        List<Future<?>> callers = new ArrayList<>();
        for (int thread = 0; thread < THREADS; thread++) {
            int first = thread * (EVENTS / THREADS);
            callers.add(firing.submit(() -> {
                for (int seq = first; seq < first + EVENTS / THREADS; seq++) {
                    ticks.fire(new Tick(seq));
                }
            }));
        }
        for (Future<?> caller : callers) {
            caller.get(2, TimeUnit.MINUTES);   // every fire() returned without throwing
        }
        firing.shutdown();

        await().atMost(Duration.ofMinutes(2)).until(() -> pusher.publishedCount() >= EVENTS);

        BitSet arrived = new BitSet(EVENTS);
        for (Published event : pusher.published()) {
            arrived.set(Integer.parseInt(event.data().replaceAll("\\D", "")));
        }
        assertThat(arrived.cardinality()).isEqualTo(EVENTS);
        assertThat(pusher.publishedCount()).isEqualTo(EVENTS);
        assertThat(failures.seen()).isEmpty();
        assertThat(pusher.refusals()).isEmpty();
        assertThat(pusher.requests()).isBetween(EVENTS / 10, EVENTS);
    }
}
