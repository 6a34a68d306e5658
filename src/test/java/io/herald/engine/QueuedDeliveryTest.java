package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.BroadcastFailed;
import io.herald.Broadcaster;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * Faults injected in front of the queue: each test says exactly which events arrived and that every other one was
 * reported once in {@link BroadcastFailed}.
 */
@HeraldTest
@AddBeanClasses(Failures.class)
@Config({"broadcast.pusher.async=true", "broadcast.pusher.retry.initial-backoff-ms=20",
        "broadcast.pusher.retry.max-backoff-ms=100", "broadcast.pusher.retry.max-attempts=4",
        "broadcast.pusher.timeout-ms=500"})
class QueuedDeliveryTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<Tick> ticks;

    @Inject
    Failures failures;

    @Inject
    Broadcaster broadcaster;

    private List<String> delivered() {
        return pusher.published().stream().map(Published::data).toList();
    }

    @Test
    void fireReturnsBeforeDeliveryAndTheEventArrives() {
        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("{\"seq\":1}"));
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void serverErrorThenSuccessDeliversOnce() {
        pusher.answerNext(500, "try again");

        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("{\"seq\":1}"));
        assertThat(delivered()).containsExactly("{\"seq\":1}");
        assertThat(pusher.refusals()).containsExactly("500 try again");
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterWaitsAsAsked() {
        pusher.answerNext(429, "slow down", Map.of("Retry-After", "1"));
        long started = System.nanoTime();

        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("{\"seq\":1}"));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOffAndDelivers() {
        pusher.answerNext(429, "slow down");

        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().contains("{\"seq\":1}"));
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void clientErrorIsNotRetriedAndIsReportedOnce() throws InterruptedException {
        pusher.answerNext(403, "Over quota");

        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> !failures.seen().isEmpty());
        Thread.sleep(300);
        assertThat(pusher.requests()).isEqualTo(1);
        assertThat(failures.seen()).singleElement().satisfies(failed -> {
            assertThat(failed.payload()).isEqualTo(new Tick(1));
            assertThat(failed.cause()).hasMessageContaining("Pusher answered 403: Over quota");
        });
    }

    @Test
    @Config("broadcast.pusher.port=1")
    void refusedConnectionIsRetriedThenReportedOnce() throws InterruptedException {
        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> !failures.seen().isEmpty());
        Thread.sleep(300);
        assertThat(failures.seen()).singleElement()
                .satisfies(failed -> assertThat(failed.cause()).hasMessageContaining("after 4 attempts"));
    }

    @Test
    void answerLaterThanTheTimeoutIsRetriedAndMayArriveTwice() {
        pusher.acceptNextAfter(Duration.ofSeconds(1));

        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(5)).until(() -> delivered().size() == 2);
        assertThat(delivered()).containsOnly("{\"seq\":1}");
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void serverThatNeverAnswersInTimeIsReportedOnceAfterTheLastAttempt() throws InterruptedException {
        pusher.delayAnswers(Duration.ofSeconds(2));

        ticks.fire(new Tick(1));

        await().atMost(Duration.ofSeconds(10)).until(() -> !failures.seen().isEmpty());
        Thread.sleep(300);
        assertThat(failures.seen()).singleElement()
                .satisfies(failed -> assertThat(failed.cause()).hasMessageContaining("Read timed out"));
    }

    @Test
    void fireAsyncDeliveryThatFailsIsReportedAsBroadcastFailed() throws Exception {
        pusher.answerNext(403, "Over quota");

        ticks.fireAsync(new Tick(7)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        await().atMost(Duration.ofSeconds(5)).until(() -> !failures.seen().isEmpty());
        assertThat(failures.seen()).singleElement().satisfies(failed -> assertThat(failed.payload()).isEqualTo(new Tick(7)));
    }

    @Test
    void channelAsyncCompletesOnceDelivered() throws Exception {
        pusher.answerNext(500, "again");

        broadcaster.channelAsync(new Tick(3)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        assertThat(delivered()).containsExactly("{\"seq\":3}");
    }

    @Test
    void channelAsyncFailsWhenDeliveryFails() {
        pusher.answerNext(403, "Over quota");

        assertThatThrownBy(() -> broadcaster.channelAsync(new Tick(3)).toCompletableFuture().get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BroadcastException.class)
                .hasMessageContaining("Over quota");
    }

    @Test
    void singleChannelEventsGoOutTogetherInBatchesOfTen() {
        pusher.delayAnswers(Duration.ofMillis(100));
        for (int seq = 0; seq < 50; seq++) {
            ticks.fire(new Tick(seq));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> delivered().size() == 50);
        assertThat(pusher.requests()).isLessThan(50);
        assertThat(failures.seen()).isEmpty();
    }
}
