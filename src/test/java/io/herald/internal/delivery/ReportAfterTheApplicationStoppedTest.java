package io.herald.internal.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.observability.BroadcastTracing;
import io.herald.internal.observability.DeliveryMetrics;
import io.herald.spi.OutboundEvent;
import io.herald.testing.HeraldContainer;
import io.herald.testing.LogCapture;
import io.herald.testing.ManualExecutor;
import io.herald.testing.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.logging.Level;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Events still queued once the application's context has ended: their reports go to Weld's proxy of
 * {@link BroadcastFailures}, which can no longer reach the bean, and still every stage completes.
 */
class ReportAfterTheApplicationStoppedTest {

    @Test
    void eventsDrainedAfterTheContextEndedAreLoggedAndTheirStagesFail() {
        WeldContainer container = HeraldContainer.start(Map.of("broadcast.default", "quiet", "broadcast.quiet.driver",
                "null"));
        BroadcastFailures failures = container.select(BroadcastFailures.class).get();
        container.close();
        ManualTime time = new ManualTime();
        DeliveryEngine engine = new DeliveryEngine(new ConfiguredConnection.Identity("quiet", "null"), event -> { },
                new DeliverySettings(false, 100, Duration.ZERO, 1, 1, Duration.ofSeconds(30), Duration.ofMillis(100),
                        Duration.ofMillis(100), Duration.ofMillis(50)),
                (pending, failure) -> failures.undelivered(failure, pending.payload()), DeliveryMetrics.NONE,
                BroadcastTracing.NONE, new EngineEnvironment(time, time, (min, max) -> max, new ManualExecutor()));
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        for (int seq = 0; seq < 5; seq++) {
            stages.add(engine.submit(new OutboundEvent(List.of("ticks"), "Tick" + seq, "{}", null), null));
        }

        try (LogCapture log = new LogCapture()) {
            engine.stop();

            assertThat(log.messages(Level.SEVERE)).hasSize(5)
                    .allSatisfy(message -> assertThat(message).startsWith("HERALD-0223: "));
        }
        assertThat(stages).allSatisfy(stage -> assertThat(stage).isCompletedExceptionally());
    }
}
