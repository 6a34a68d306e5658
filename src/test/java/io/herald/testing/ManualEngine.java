package io.herald.testing;

import io.herald.internal.delivery.EngineEnvironment;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import java.time.Duration;

/**
 * Puts the delivery engine's time and threads in the test's hands: a bean Herald's connections pick up, so that
 * queued events are sent only when the test says, on the test's thread, and every backoff is recorded instead of
 * waited out (jitter always takes the longest wait).
 *
 * <pre>{@code
 * @HeraldTest
 * @AddBeanClasses(ManualEngine.class)
 * class RetryTest {
 *     @Inject ManualEngine engine;
 *
 *     void test() {
 *         ticks.fireAsync(new Tick(1));
 *         engine.runSenders();                  // delivered (or given up on) by now
 *         assertThat(engine.slept()).isEqualTo(Duration.ofMillis(100));
 *     }
 * }
 * }</pre>
 */
@ApplicationScoped
public class ManualEngine {
    private final ManualTime time = new ManualTime();
    private final ManualExecutor senders = new ManualExecutor();

    @Produces
    EngineEnvironment environment() {
        return new EngineEnvironment(time, time, (min, max) -> max, senders);
    }

    /** Runs every sender task until the queues are empty or everything left is given up on. */
    public void runSenders() {
        senders.runAll();
    }

    /** All the backoff waited, added up. */
    public Duration slept() {
        return time.slept();
    }
}
