package io.herald.failures;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcast;
import io.herald.BroadcastFailed;
import io.herald.engine.Tick;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.LogCapture;
import io.herald.testing.ManualEngine;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.logging.Level;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/** How a queued event that cannot be delivered is reported: one log line with the reason once, and the CDI event. */
@HeraldTest
@AddBeanClasses({ManualEngine.class, FailureReportTest.ThrowingObserver.class})
@Config("broadcast.pusher.async=true")
class FailureReportTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<Tick> ticks;

    @Inject
    ManualEngine engine;

    /** An application observer that fails, as a broken alerting hook would. */
    @ApplicationScoped
    static class ThrowingObserver {
        void onFailure(@Observes BroadcastFailed failed) {
            throw new IllegalStateException("alerting is down");
        }
    }

    @Test
    void undeliveredEventIsLoggedOnceWithItsReasonOnce() {
        pusher.answerNext(400, "Invalid channel");
        try (LogCapture log = new LogCapture()) {
            ticks.fire(new Tick(1));
            engine.runSenders();

            assertThat(log.messages(Level.SEVERE)).filteredOn(line -> line.startsWith("HERALD-0208")).singleElement()
                    .satisfies(line -> {
                        assertThat(line).contains("'Tick'").contains("[ticks]").contains("'pusher'");
                        assertThat(line.split("Pusher answered 400: Invalid channel", -1)).hasSize(2);
                    });
        }
    }

    @Test
    void observerOfBroadcastFailedThatThrowsIsLoggedAndTheSenderGoesOn() {
        // The two events go out as one batch, which is refused; then each alone, and the first is refused again.
        pusher.answerNext(400, "Invalid channel");
        pusher.answerNext(400, "Invalid channel");
        try (LogCapture log = new LogCapture()) {
            ticks.fire(new Tick(1));
            ticks.fire(new Tick(2));
            engine.runSenders();

            assertThat(log.messages(Level.SEVERE)).anySatisfy(line -> assertThat(line).startsWith("HERALD-0202"));
            assertThat(pusher.published()).extracting(PusherRestStandIn.Published::data).containsExactly("{\"seq\":2}");
        }
    }
}
