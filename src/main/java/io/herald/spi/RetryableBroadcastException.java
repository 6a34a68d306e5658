package io.herald.spi;

import io.herald.BroadcastException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * A failure worth trying again: the network, a timeout, a 5xx or a 429. Drivers throw it so that Herald's
 * delivery engine retries with backoff; any other {@link BroadcastException} is final.
 *
 * <pre>{@code
 * throw new RetryableBroadcastException(connection, channels, name, "Pusher answered 503", null, Optional.empty());
 * }</pre>
 */
public class RetryableBroadcastException extends BroadcastException {
    private static final long serialVersionUID = 1L;

    private final transient Optional<Duration> retryAfter;

    /**
     * A failure that may pass: trying the delivery again later may succeed.
     *
     * @param connection the connection's name
     * @param channels the channels the event was meant for
     * @param event the event's name
     * @param reason what went wrong, in a few words
     * @param cause the underlying exception, or {@code null}
     * @param retryAfter how long the server asked us to wait ({@code Retry-After}), if it said
     */
    public RetryableBroadcastException(String connection, List<String> channels, String event, String reason,
            Throwable cause, Optional<Duration> retryAfter) {
        super(connection, channels, event, reason, cause);
        this.retryAfter = retryAfter == null ? Optional.empty() : retryAfter;
    }

    /**
     * How long the server asked to wait before trying again, if it said.
     *
     * @return the wait, if the server said
     */
    public Optional<Duration> retryAfter() {
        return retryAfter == null ? Optional.empty() : retryAfter;
    }
}
