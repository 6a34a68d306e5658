package io.herald.internal.background;

import java.time.Duration;
import java.util.Optional;

/**
 * The one backoff policy of Herald's retries (the delivery engine's, the webhook sender's): what the server asked for
 * with {@code Retry-After} when it did; else exponential from {@code initial}, doubled with each attempt up to
 * {@code max}, with jitter between half that ceiling and all of it, so that clients that failed together do not retry
 * together.
 *
 * <pre>{@code
 * Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(5));
 * backoff.delay(1, Optional.empty(), jitter);                 // 50 to 100 ms
 * backoff.delay(3, Optional.empty(), jitter);                 // 200 to 400 ms
 * backoff.delay(3, Optional.of(Duration.ofSeconds(7)), jitter); // 7 s, as the server asked
 * }</pre>
 *
 * @param initial the ceiling of the wait after the first attempt
 * @param max the ceiling it never passes
 */
public record Backoff(Duration initial, Duration max) {

    /**
     * A {@code Retry-After} header's wait, in seconds as Pusher and webhook receivers send it (at most an hour); empty
     * for a date or anything else, when the backoff applies.
     */
    public static Optional<Duration> retryAfter(String header) {
        try {
            long seconds = Long.parseLong(header.trim());
            return seconds >= 0 ? Optional.of(Duration.ofSeconds(Math.min(seconds, 3600))) : Optional.empty();
        } catch (NumberFormatException notSeconds) {
            return Optional.empty();
        }
    }

    /** The wait before attempt {@code attempt + 1}, after {@code attempt} attempts failed. */
    public Duration delay(int attempt, Optional<Duration> retryAfter, Jitter jitter) {
        if (retryAfter.isPresent()) {
            return retryAfter.get();
        }
        long ceiling = Math.min(max.toMillis(), initial.toMillis() * (1L << Math.min(20, Math.max(0, attempt - 1))));
        return Duration.ofMillis(jitter.between(ceiling / 2, ceiling));
    }
}
