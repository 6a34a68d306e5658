package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.ManualEngine;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * The queue in front of Pusher's REST API (the stand-in), with the senders run by the test: each test says exactly
 * which events arrived, how long the engine waited, and that every other event was reported once.
 */
@HeraldTest
@AddBeanClasses({Failures.class, ManualEngine.class})
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

    @Inject
    ManualEngine engine;

    private List<String> delivered() {
        return pusher.published().stream().map(Published::data).toList();
    }

    @Test
    void fireReturnsBeforeDeliveryAndASenderDeliversTheEvent() {
        ticks.fire(new Tick(1));
        assertThat(delivered()).isEmpty();

        engine.runSenders();

        assertThat(delivered()).containsExactly("{\"seq\":1}");
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void serverErrorThenSuccessDeliversOnceAfterOneBackoff() {
        pusher.answerNext(500, "try again");

        ticks.fire(new Tick(1));
        engine.runSenders();

        assertThat(delivered()).containsExactly("{\"seq\":1}");
        assertThat(pusher.refusals()).containsExactly("500 try again");
        assertThat(engine.slept()).isEqualTo(Duration.ofMillis(20));
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void tooManyRequestsWithRetryAfterWaitsAsAsked() {
        pusher.answerNext(429, "slow down", Map.of("Retry-After", "1"));

        ticks.fire(new Tick(1));
        engine.runSenders();

        assertThat(delivered()).containsExactly("{\"seq\":1}");
        assertThat(engine.slept()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    void tooManyRequestsWithoutRetryAfterBacksOff() {
        pusher.answerNext(429, "slow down");

        ticks.fire(new Tick(1));
        engine.runSenders();

        assertThat(delivered()).containsExactly("{\"seq\":1}");
        assertThat(engine.slept()).isEqualTo(Duration.ofMillis(20));
    }

    @Test
    void clientErrorIsNotRetriedAndIsReportedOnce() {
        pusher.answerNext(403, "Over quota");

        ticks.fire(new Tick(1));
        engine.runSenders();

        assertThat(pusher.requests()).isEqualTo(1);
        assertThat(engine.slept()).isZero();
        assertThat(failures.seen()).singleElement().satisfies(failed -> {
            assertThat(failed.payload()).isEqualTo(new Tick(1));
            assertThat(failed.cause()).hasMessageContaining("Pusher answered 403: Over quota");
        });
    }

    @Test
    @Config("broadcast.pusher.port=1")
    void refusedConnectionIsRetriedThenReportedOnce() {
        ticks.fire(new Tick(1));
        engine.runSenders();

        assertThat(engine.slept()).isEqualTo(Duration.ofMillis(20 + 40 + 80));
        assertThat(failures.seen()).singleElement()
                .satisfies(failed -> assertThat(failed.cause()).hasMessageContaining("after 4 attempts"));
    }

    @Test
    void answerLaterThanTheTimeoutIsRetriedAndMayArriveTwice() {
        pusher.acceptNextAfter(Duration.ofSeconds(1));

        ticks.fire(new Tick(41));
        engine.runSenders();

        // The stand-in took the first request, but answered after the client gave up on it: at least once, here twice.
        assertThat(delivered()).containsExactly("{\"seq\":41}", "{\"seq\":41}");
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void serverThatNeverAnswersInTimeIsReportedOnceAfterTheLastAttempt() {
        pusher.delayAnswers(Duration.ofSeconds(2));

        ticks.fire(new Tick(42));
        engine.runSenders();

        assertThat(failures.seen()).singleElement().satisfies(failed -> assertThat(failed.cause())
                .hasMessageContaining("Read timed out").hasMessageContaining("after 4 attempts"));
        // Every attempt has reached the stand-in, so none of them can arrive in the next test.
        await().atMost(Duration.ofSeconds(5)).until(() -> pusher.requests() == 4);
    }

    @Test
    void fireAsyncDeliveryThatFailsIsReportedAsBroadcastFailed() throws Exception {
        pusher.answerNext(403, "Over quota");

        ticks.fireAsync(new Tick(7)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        engine.runSenders();

        assertThat(failures.seen()).singleElement().satisfies(failed -> assertThat(failed.payload()).isEqualTo(new Tick(7)));
    }

    @Test
    void channelAsyncCompletesOnceDelivered() {
        pusher.answerNext(500, "again");

        CompletableFuture<Void> stage = broadcaster.channelAsync(new Tick(3)).toCompletableFuture();
        assertThat(stage).isNotDone();
        engine.runSenders();

        assertThat(stage).isCompleted().isNotCompletedExceptionally();
        assertThat(delivered()).containsExactly("{\"seq\":3}");
    }

    @Test
    void channelAsyncFailsWhenDeliveryFails() {
        pusher.answerNext(403, "Over quota");

        CompletableFuture<Void> stage = broadcaster.channelAsync(new Tick(3)).toCompletableFuture();
        engine.runSenders();

        assertThatThrownBy(stage::get).hasCauseInstanceOf(BroadcastException.class).hasMessageContaining("Over quota");
    }

    @Test
    void singleChannelEventsGoOutTogetherInBatchesOfTen() {
        for (int seq = 0; seq < 50; seq++) {
            ticks.fire(new Tick(seq));
        }

        engine.runSenders();

        assertThat(delivered()).hasSize(50);
        assertThat(pusher.requests()).isEqualTo(5);
        assertThat(failures.seen()).isEmpty();
    }
}
