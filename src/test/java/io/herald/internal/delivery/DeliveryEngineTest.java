package io.herald.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.BroadcastException;
import io.herald.internal.observability.BroadcastTracing;
import io.herald.internal.observability.DeliveryMetrics;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import io.herald.testing.LogCapture;
import io.herald.testing.ManualExecutor;
import io.herald.testing.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.logging.Level;
import org.junit.jupiter.api.Test;

/**
 * The delivery engine with its time, sleeping, chance and threads in the test's hands: every wait, retry and report
 * is counted exactly, and nothing sleeps.
 */
class DeliveryEngineTest {
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofMillis(500);
    private static final Duration SHUTDOWN_TIMEOUT = Duration.ofSeconds(5);

    private final ManualTime time = new ManualTime();
    private final ManualExecutor senders = new ManualExecutor();
    private final List<long[]> jitterAsked = new CopyOnWriteArrayList<>();
    private final List<BroadcastException> reported = new CopyOnWriteArrayList<>();
    private final ScriptedDriver driver = new ScriptedDriver(10);
    private DeliveryEngine.Undelivered undelivered = (pending, failure) -> reported.add(failure);

    private DeliveryEngine engine(int queueCapacity, int maxAttempts, Duration retryDeadline) {
        DeliverySettings settings = new DeliverySettings(false, queueCapacity, Duration.ZERO, 2, maxAttempts,
                retryDeadline, INITIAL_BACKOFF, MAX_BACKOFF, SHUTDOWN_TIMEOUT);
        EngineEnvironment environment = new EngineEnvironment(time, time, (min, max) -> {
            jitterAsked.add(new long[] {min, max});
            return max;
        }, senders);
        return new DeliveryEngine(new ConfiguredConnection.Identity("test", "scripted"), driver, settings,
                (pending, failure) -> undelivered.report(pending, failure), DeliveryMetrics.NONE, BroadcastTracing.NONE,
                environment);
    }

    private DeliveryEngine engine() {
        return engine(100, 5, Duration.ofSeconds(30));
    }

    private static OutboundEvent event(String name, String... channels) {
        return new OutboundEvent(List.of(channels.length == 0 ? new String[] {"ticks"} : channels), name, "{}", null);
    }

    private static Throwable failureOf(CompletableFuture<Void> stage) {
        assertThat(stage).isCompletedExceptionally();
        try {
            stage.get();
            throw new AssertionError("completed normally");
        } catch (ExecutionException e) {
            return e.getCause();
        } catch (InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void queuedEventIsDeliveredByASenderTask() {
        DeliveryEngine engine = engine();

        CompletableFuture<Void> delivered = engine.submit(event("Tick"), null);
        senders.runAll();

        assertThat(delivered).isCompleted().isNotCompletedExceptionally();
        assertThat(driver.requestSizes()).containsExactly(1);
    }

    @Test
    void singleChannelEventsGoOutInBatchesOfTheDriversSize() {
        DeliveryEngine engine = engine();
        for (int seq = 0; seq < 50; seq++) {
            engine.submit(event("Tick" + seq), null);
        }

        senders.runAll();

        assertThat(driver.requestSizes()).containsExactly(10, 10, 10, 10, 10);
    }

    @Test
    void eventForSeveralChannelsGoesInARequestOfItsOwn() {
        DeliveryEngine engine = engine();
        engine.submit(event("One"), null);
        engine.submit(event("Both", "a", "b"), null);
        engine.submit(event("Two"), null);

        senders.runAll();

        assertThat(driver.requests()).extracting(request -> request.stream().map(OutboundEvent::name).toList())
                .containsExactly(List.of("Both"), List.of("One", "Two"));
    }

    @Test
    void retryableFailureIsTriedAgainAfterTheInitialBackoff() {
        driver.thenRetryable("Pusher answered 503");
        DeliveryEngine engine = engine();

        CompletableFuture<Void> delivered = engine.submit(event("Tick"), null);
        senders.runAll();

        assertThat(delivered).isCompleted().isNotCompletedExceptionally();
        assertThat(driver.requestSizes()).containsExactly(1, 1);
        assertThat(time.slept()).isEqualTo(INITIAL_BACKOFF);
        assertThat(reported).isEmpty();
    }

    @Test
    void backoffDoublesUpToTheCeilingWithFullJitter() {
        driver.thenRetryable("1").thenRetryable("2").thenRetryable("3").thenRetryable("4");
        DeliveryEngine engine = engine();

        engine.submit(event("Tick"), null);
        senders.runAll();

        assertThat(jitterAsked).extracting(bounds -> bounds[0] + "-" + bounds[1])
                .containsExactly("50-100", "100-200", "200-400", "250-500");
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(100 + 200 + 400 + 500));
        assertThat(driver.requestSizes()).hasSize(5);
    }

    @Test
    void retryAfterIsWaitedExactlyAsTheServerAsked() {
        driver.thenRetryable("Pusher answered 429", Duration.ofSeconds(7));
        DeliveryEngine engine = engine();

        engine.submit(event("Tick"), null);
        senders.runAll();

        assertThat(time.slept()).isEqualTo(Duration.ofSeconds(7));
        assertThat(jitterAsked).isEmpty();
        assertThat(driver.requestSizes()).containsExactly(1, 1);
    }

    @Test
    void failureOfTheLastAttemptIsReportedOnceWithTheReasonOnce() {
        for (int attempt = 0; attempt < 5; attempt++) {
            driver.thenRetryable("Pusher answered 503: busy");
        }
        DeliveryEngine engine = engine();

        CompletableFuture<Void> stage = engine.submit(event("Tick"), null);
        senders.runAll();

        assertThat(driver.requestSizes()).hasSize(5);
        assertThat(reported).singleElement().satisfies(failure -> {
            assertThat(failure.reason()).isEqualTo("Pusher answered 503: busy (after 5 attempts)");
            assertThat(failure.getMessage().split("Pusher answered 503", -1)).hasSize(2);
            assertThat(failure.getMessage()).containsOnlyOnce("HERALD-0100");
        });
        assertThat(failureOf(stage)).isSameAs(reported.get(0));
    }

    @Test
    void noTryStartsAfterTheRetryDeadline() {
        driver.thenRetryable("1").thenRetryable("2").thenRetryable("3");
        DeliveryEngine engine = engine(100, 5, Duration.ofMillis(250));

        engine.submit(event("Tick"), null);
        senders.runAll();

        // 100 ms then 200 ms of backoff would start the third try 300 ms after queueing: past the 250 ms deadline.
        assertThat(driver.requestSizes()).hasSize(2);
        assertThat(time.slept()).isEqualTo(Duration.ofMillis(100));
        assertThat(reported).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo("2 (after 2 attempts)"));
    }

    @Test
    void refusedRequestIsNotTriedAgain() {
        driver.thenRefused("Pusher answered 403: Over quota");
        DeliveryEngine engine = engine();

        engine.submit(event("Tick"), null);
        senders.runAll();

        assertThat(driver.requestSizes()).containsExactly(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(reported).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo("Pusher answered 403: Over quota"));
    }

    @Test
    void refusedBatchIsSentOneByOneSoThatOnlyTheBadEventFails() {
        driver.refusing(event -> event.name().equals("Bad"));
        DeliveryEngine engine = engine();
        CompletableFuture<Void> good = engine.submit(event("Good"), null);
        CompletableFuture<Void> bad = engine.submit(event("Bad"), null);
        CompletableFuture<Void> fine = engine.submit(event("Fine"), null);

        senders.runAll();

        assertThat(driver.requestSizes()).containsExactly(3, 1, 1, 1);
        assertThat(good).isCompleted().isNotCompletedExceptionally();
        assertThat(fine).isCompleted().isNotCompletedExceptionally();
        assertThat(failureOf(bad)).hasMessageContaining("'Bad'");
        assertThat(reported).singleElement().satisfies(failure -> assertThat(failure.event()).isEqualTo("Bad"));
    }

    @Test
    void fullQueueRefusesTheCaller() {
        DeliveryEngine engine = engine(2, 5, Duration.ofSeconds(30));
        engine.submit(event("One"), null);
        engine.submit(event("Two"), null);

        assertThatThrownBy(() -> engine.submit(event("Three"), null)).isInstanceOf(BroadcastException.class)
                .hasMessageContaining("the delivery queue is full (2 events)");
        assertThat(engine.isFull()).isTrue();
    }

    @Test
    void synchronousSendIsOneAttemptOnTheCallersThread() {
        driver.thenRetryable("Pusher answered 503");
        DeliveryEngine engine = engine();

        assertThatThrownBy(() -> engine.sendNow(event("Tick"))).isInstanceOfSatisfying(BroadcastException.class,
                failure -> assertThat(failure.reason()).isEqualTo("Pusher answered 503"));
        assertThat(driver.requestSizes()).containsExactly(1);
        assertThat(time.sleeps()).isEmpty();
        assertThat(senders.waiting()).isZero();
        assertThat(reported).isEmpty();
    }

    @Test
    void stopReportsEveryEventNotSentWithinTheShutdownTimeout() {
        DeliveryEngine engine = engine();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (int seq = 0; seq < 3; seq++) {
            stages.add(engine.submit(event("Tick" + seq), null));
        }

        engine.stop();

        assertThat(time.slept()).isEqualTo(SHUTDOWN_TIMEOUT);
        assertThat(reported).hasSize(3).allSatisfy(failure ->
                assertThat(failure.reason()).isEqualTo("not sent before the application stopped"));
        assertThat(stages).allSatisfy(stage -> assertThat(stage).isCompletedExceptionally());
        assertThat(driver.requests()).isEmpty();
    }

    @Test
    void stopWaitsForTheSendersToEmptyTheQueue() {
        DeliveryEngine engine = engine();
        for (int seq = 0; seq < 3; seq++) {
            engine.submit(event("Tick" + seq), null);
        }
        time.onSleep(senders::runAll);

        engine.stop();

        assertThat(driver.requestSizes()).containsExactly(3);
        assertThat(reported).isEmpty();
        assertThat(time.slept()).isLessThan(SHUTDOWN_TIMEOUT);
    }

    @Test
    void eventSubmittedAfterStopIsRefusedToTheCaller() {
        DeliveryEngine engine = engine();
        engine.stop();

        assertThatThrownBy(() -> engine.submit(event("Late"), null)).isInstanceOf(BroadcastException.class)
                .hasMessageContaining("the application is stopping");
        assertThat(engine.isAccepting()).isFalse();
    }

    @Test
    void backoffThatWouldOutlastTheShutdownGivesUpAndReportsOnce() {
        driver.thenRetryable("Pusher answered 429", Duration.ofSeconds(60));
        DeliveryEngine engine = engine();
        CompletableFuture<Void> stage = engine.submit(event("Tick"), null);
        time.onSleep(senders::runAll);

        engine.stop();

        assertThat(driver.requestSizes()).containsExactly(1);
        assertThat(reported).singleElement()
                .satisfies(failure -> assertThat(failure.reason()).isEqualTo("Pusher answered 429"));
        assertThat(stage).isCompletedExceptionally();
        assertThat(time.slept()).isLessThan(SHUTDOWN_TIMEOUT);
    }

    // As BroadcastFailures' proxy does once the application context has ended.
    private void reportsThrow() {
        undelivered = (pending, failure) -> {
            reported.add(failure);
            throw new IllegalStateException("WELD-001303: No active contexts for scope type ApplicationScoped");
        };
    }

    @Test
    void everyStageLeftAtStopFailsEvenWhenItsReportThrows() {
        reportsThrow();
        DeliveryEngine engine = engine();
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (int seq = 0; seq < 3; seq++) {
            stages.add(engine.submit(event("Tick" + seq), null));
        }

        try (LogCapture log = new LogCapture()) {
            engine.stop();

            assertThat(log.messages(Level.SEVERE)).hasSize(3).allSatisfy(message -> assertThat(message)
                    .startsWith("HERALD-0223: HERALD-0100: Could not broadcast 'Tick")
                    .contains("not sent before the application stopped", "WELD-001303"));
        }
        assertThat(reported).hasSize(3);
        assertThat(stages).allSatisfy(stage -> assertThat(failureOf(stage)).isInstanceOf(BroadcastException.class));
    }

    @Test
    void reportThatThrowsDoesNotKeepTheRestOfTheBatchFromCompleting() {
        reportsThrow();
        driver.refusing(event -> !event.name().equals("Good"));
        DeliveryEngine engine = engine();
        CompletableFuture<Void> bad = engine.submit(event("Bad"), null);
        CompletableFuture<Void> good = engine.submit(event("Good"), null);
        CompletableFuture<Void> worse = engine.submit(event("Worse"), null);

        try (LogCapture log = new LogCapture()) {
            senders.runAll();
        }

        assertThat(failureOf(bad)).hasMessageContaining("'Bad'");
        assertThat(good).isCompleted().isNotCompletedExceptionally();
        assertThat(failureOf(worse)).hasMessageContaining("'Worse'");
        assertThat(senders.waiting()).isZero();
    }

    @Test
    void driverThatThrowsAnErrorStillLeavesEveryTakenEventReported() {
        DeliveryEngine engine = new DeliveryEngine(new ConfiguredConnection.Identity("test", "broken"), new BroadcastDriver() {
            @Override
            public void send(OutboundEvent event) {
            }

            @Override
            public int maxBatchSize() {
                throw new NoClassDefFoundError("com/pusher/rest/Pusher (its class loader is closed)");
            }
        }, new DeliverySettings(false, 100, Duration.ZERO, 1, 1, Duration.ofSeconds(30), INITIAL_BACKOFF, MAX_BACKOFF,
                SHUTDOWN_TIMEOUT), (pending, failure) -> reported.add(failure), DeliveryMetrics.NONE,
                BroadcastTracing.NONE, new EngineEnvironment(time, time, (min, max) -> max, senders));
        CompletableFuture<Void> stage = engine.submit(event("Tick"), null);

        senders.runAll();

        assertThat(failureOf(stage)).hasMessageContaining("its class loader is closed");
        assertThat(reported).hasSize(1);
    }
}
