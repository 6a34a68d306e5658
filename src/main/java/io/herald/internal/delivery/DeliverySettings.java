package io.herald.internal.delivery;

import io.herald.internal.background.Backoff;
import io.herald.spi.ConnectionConfig;
import java.time.Duration;

/**
 * How one connection's queued deliveries behave, from {@code broadcast.<connection>.*}.
 *
 * @param fireThroughQueue {@code async}: {@code fire()} too goes through the queue (default false: it delivers before
 *     returning, and its failure reaches the caller)
 * @param queueCapacity {@code queue-capacity}: events waiting at most
 * @param queueWait {@code queue-wait-ms}: how long a caller waits for room in a full queue before failing
 * @param senders {@code senders}: threads sending
 * @param maxAttempts {@code retry.max-attempts}: tries per event, the first included
 * @param retryDeadline {@code retry.deadline-ms}: no try starts later than this after the event was queued
 * @param initialBackoff {@code retry.initial-backoff-ms}
 * @param maxBackoff {@code retry.max-backoff-ms}
 * @param shutdownTimeout {@code shutdown-timeout-ms}: how long stopping waits for the queue to drain
 */
record DeliverySettings(boolean fireThroughQueue, int queueCapacity, Duration queueWait, int senders, int maxAttempts,
        Duration retryDeadline, Duration initialBackoff, Duration maxBackoff, Duration shutdownTimeout) {

    private static final int HOUR_MS = 3_600_000;

    /** How retries wait: {@code retry.initial-backoff-ms} doubled up to {@code retry.max-backoff-ms}. */
    Backoff backoff() {
        return new Backoff(initialBackoff, maxBackoff);
    }

    static DeliverySettings from(ConnectionConfig config) {
        return new DeliverySettings(
                config.getBoolean("async", false),
                config.getInt("queue-capacity", 10_000, 1, 10_000_000),
                Duration.ofMillis(config.getInt("queue-wait-ms", 1_000, 0, HOUR_MS)),
                config.getInt("senders", 4, 1, 1_000),
                config.getInt("retry.max-attempts", 5, 1, 1_000),
                Duration.ofMillis(config.getInt("retry.deadline-ms", 30_000, 0, 24 * HOUR_MS)),
                Duration.ofMillis(config.getInt("retry.initial-backoff-ms", 100, 1, HOUR_MS)),
                Duration.ofMillis(config.getInt("retry.max-backoff-ms", 5_000, 1, HOUR_MS)),
                Duration.ofMillis(config.getInt("shutdown-timeout-ms", 5_000, 0, HOUR_MS)));
    }
}
