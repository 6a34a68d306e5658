package io.herald.failures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.firing.NewRelease;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.LogCapture;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@HeraldTest
class DeliveryFailureTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Test
    void serverErrorReachesTheCallerWithStatusAndMessage() {
        pusher.answerNext(500, "upstream exploded");

        assertThatThrownBy(() -> releases.fire(new NewRelease("1")))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("connection 'pusher'")
                .hasMessageContaining("[releases]")
                .hasMessageContaining("'NewRelease'")
                .hasMessageContaining("Pusher answered 500: upstream exploded");
    }

    @Test
    void clientErrorReachesTheCaller() {
        pusher.answerNext(403, "Over quota");

        assertThatThrownBy(() -> releases.fire(new NewRelease("1")))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("Pusher answered 403: Over quota");
    }

    @Test
    void exceptionNamesConnectionChannelsAndEvent() {
        pusher.answerNext(500, "x");

        assertThatThrownBy(() -> releases.fire(new NewRelease("1")))
                .isInstanceOfSatisfying(BroadcastException.class, e -> {
                    assertThat(e.connection()).isEqualTo("pusher");
                    assertThat(e.channels()).containsExactly("releases");
                    assertThat(e.event()).isEqualTo("NewRelease");
                });
    }

    @Test
    @Config("broadcast.pusher.port=1")
    void refusedConnectionReachesTheCaller() {
        assertThatThrownBy(() -> releases.fire(new NewRelease("1")))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("no answer from Pusher")
                .hasMessageContaining("Connection refused");
    }

    @Test
    @Config("broadcast.pusher.timeout-ms=300")
    void serverThatDoesNotAnswerInTimeFailsTheCaller() {
        pusher.delayAnswers(Duration.ofSeconds(3));

        assertThatThrownBy(() -> releases.fire(new NewRelease("1")))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("no answer from Pusher")
                .hasMessageContaining("timed out");
        assertThat(pusher.requests()).isEqualTo(1);
    }

    @Test
    void fireAsyncOfAnEventThatCannotBeQueuedCompletesTheStageExceptionally() {
        assertThatThrownBy(() -> releases.fireAsync(new NewRelease("x".repeat(20_000))).toCompletableFuture()
                .get(5, TimeUnit.SECONDS))
                .isInstanceOf(ExecutionException.class)
                .satisfies(e -> assertThat(causesOf(e)).hasAtLeastOneElementOfType(BroadcastException.class));
    }

    @Test
    void secretIsNeitherInTheExceptionNorInTheLog() {
        pusher.answerNext(401, "Invalid signature");

        try (LogCapture log = new LogCapture()) {
            assertThatThrownBy(() -> releases.fire(new NewRelease("1")))
                    .satisfies(e -> assertThat(stackTraceOf(e)).doesNotContain(PusherRestStandIn.SECRET));
            assertThat(log.text()).doesNotContain(PusherRestStandIn.SECRET);
        }
    }

    /** Causes and suppressed exceptions, however the container wrapped the observer's exception. */
    private static List<Throwable> causesOf(Throwable e) {
        List<Throwable> all = new ArrayList<>();
        for (Throwable cause = e.getCause(); cause != null; cause = cause.getCause()) {
            all.add(cause);
            all.addAll(List.of(cause.getSuppressed()));
        }
        return all;
    }

    private static String stackTraceOf(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
