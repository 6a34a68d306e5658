package io.herald.internal.delivery;

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

    static DeliverySettings from(ConnectionConfig config) {
        return new DeliverySettings(
                config.getBoolean("async", false),
                positive(config, "queue-capacity", 10_000),
                Duration.ofMillis(config.getInt("queue-wait-ms", 1_000)),
                positive(config, "senders", 4),
                positive(config, "retry.max-attempts", 5),
                Duration.ofMillis(config.getInt("retry.deadline-ms", 30_000)),
                Duration.ofMillis(config.getInt("retry.initial-backoff-ms", 100)),
                Duration.ofMillis(config.getInt("retry.max-backoff-ms", 5_000)),
                Duration.ofMillis(config.getInt("shutdown-timeout-ms", 5_000)));
    }

    private static int positive(ConnectionConfig config, String key, int defaultValue) {
        int value = config.getInt(key, defaultValue);
        if (value < 1) {
            throw io.herald.internal.HeraldMessages.invalidProperty(config.property(key), "at least 1");
        }
        return value;
    }
}
