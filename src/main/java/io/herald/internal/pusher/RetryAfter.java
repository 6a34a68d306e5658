package io.herald.internal.pusher;

import io.herald.internal.background.Backoff;
import java.time.Duration;
import java.util.Optional;
import org.apache.http.Header;
import org.apache.http.HttpResponse;
import org.apache.http.HttpResponseInterceptor;
import org.apache.http.protocol.HttpContext;

/**
 * Keeps the {@code Retry-After} of the last answer on this thread: pusher-http-java gives back only the status and
 * body, while its HTTP client calls interceptors on the thread that made the request.
 */
final class RetryAfter implements HttpResponseInterceptor {
    private static final ThreadLocal<Duration> LAST = new ThreadLocal<>();

    @Override
    public void process(HttpResponse response, HttpContext context) {
        Header header = response.getFirstHeader("Retry-After");
        LAST.set(header == null ? null : Backoff.retryAfter(header.getValue()).orElse(null));
    }

    /** The last answer's {@code Retry-After} on this thread, in seconds as Pusher sends it. */
    static Optional<Duration> lastAnswer() {
        return Optional.ofNullable(LAST.get());
    }

}
