package io.herald.internal.background;

import java.time.Duration;

/**
 * Waits for a while; a test's sleeper advances its ticker instead, and records what was waited.
 *
 * <pre>{@code
 * sleeper.sleep(backoff.delay(attempt, retryAfter, jitter));
 * }</pre>
 */
@FunctionalInterface
public interface Sleeper {
    void sleep(Duration duration) throws InterruptedException;
}
