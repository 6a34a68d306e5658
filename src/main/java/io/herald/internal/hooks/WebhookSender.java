package io.herald.internal.hooks;

import io.herald.events.ChannelEvent;
import io.herald.internal.HeraldLog;
import io.herald.internal.background.Background;
import io.herald.internal.background.Backoff;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.observability.WebhookActivity;
import io.herald.internal.signing.Hmac;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Sends a {@code local} connection's channel events as Pusher-format webhooks: events of a short window in one
 * {@code {"time_ms":…,"events":[…]}} body, signed ({@code X-Pusher-Key}, {@code X-Pusher-Signature}: HMAC-SHA256
 * of the raw body with the app's secret), posted to every URL, and retried on network errors, 5xx and 429 answers
 * (waiting as Herald's one {@link Backoff} says: 100 ms doubled up to 10 s with jitter, or the answer's
 * {@code Retry-After}) until one is accepted (at least once) or {@code retry-seconds} have passed (HERALD-0219). Events wait in a
 * bounded queue, taken on a thread of its own: the server never waits for a webhook; when the queue is full an event
 * is dropped and logged (HERALD-0220). Both are counted ({@code herald.local.webhook.events}). As Pusher does,
 * {@code channel_vacated} and {@code member_removed} wait {@code grace-ms} (default 3 s) and are not sent at all when
 * the channel is occupied again (the member returns) within it ({@link GracePeriod}).
 *
 * <pre>{@code
 * WebhookSender sender = new WebhookSender("local", key, secret, WebhookTargets.from(config), metrics,
 *         Background.system());
 * sender.accept(new ChannelOccupied("local", "news", now));
 * }</pre>
 */
public final class WebhookSender implements AutoCloseable {
    private static final int MAX_BATCH = 100;
    private static final long IDLE_POLL_NANOS = TimeUnit.SECONDS.toNanos(1);
    private static final Backoff BACKOFF = new Backoff(Duration.ofMillis(100), Duration.ofSeconds(10));

    private final String connection;
    private final String key;
    private final String secret;
    private final WebhookTargets settings;
    private final LocalServerMetrics metrics;
    private final Background background;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<ChannelEvent> queue;
    private final GracePeriod grace;
    private final Thread sender;
    private volatile boolean running = true;
    private final Consumer<WebhookActivity> activity;

    public WebhookSender(String connection, String key, String secret, WebhookTargets settings,
            LocalServerMetrics metrics, Background background) {
        this(connection, key, secret, settings, metrics, background, activity -> { });
    }

    /** A sender that also tells {@code activity} of each batch it sent or gave up on (the console shows them). */
    public WebhookSender(String connection, String key, String secret, WebhookTargets settings,
            LocalServerMetrics metrics, Background background, Consumer<WebhookActivity> activity) {
        this.activity = activity;
        this.connection = connection;
        this.key = key;
        this.secret = secret;
        this.settings = settings;
        this.metrics = metrics;
        this.background = background;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.grace = new GracePeriod(settings.gracePeriod());
        this.sender = background.start("herald-webhooks-" + connection, this::run);
    }

    /** Queues an event, unless its kind is not sent; never waits. */
    public void accept(ChannelEvent event) {
        if (!settings.sends(WebhookFormat.name(event))) {
            return;
        }
        if (!queue.offer(event)) {
            metrics.webhooks("dropped", 1);
            HeraldLog.webhookDropped(connection, settings.queueCapacity());
        }
    }

    /** Stops; what is queued or being retried is given up (and logged). */
    @Override
    public void close() {
        running = false;
        sender.interrupt();
    }

    private void run() {
        while (running) {
            try {
                long now = background.ticker().nanos();
                List<ChannelEvent> ready = new ArrayList<>(grace.due(now));
                if (ready.isEmpty()) {
                    long wait = Math.min(IDLE_POLL_NANOS, grace.nextDue().orElse(Long.MAX_VALUE) - now);
                    ChannelEvent first = queue.poll(Math.max(0, wait), TimeUnit.NANOSECONDS);
                    if (first != null) {
                        ready.addAll(grace.accept(first, background.ticker().nanos()));
                    }
                }
                if (!ready.isEmpty()) {
                    send(batch(ready));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // What is ready, and what else arrives within the batch window and is not held back by the grace period.
    private List<ChannelEvent> batch(List<ChannelEvent> ready) throws InterruptedException {
        List<ChannelEvent> batch = new ArrayList<>(ready);
        long deadline = background.ticker().nanos() + settings.batchWindow().toNanos();
        while (batch.size() < MAX_BATCH) {
            long left = Math.max(0, deadline - background.ticker().nanos());
            ChannelEvent next = left == 0 ? queue.poll() : queue.poll(left, TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.addAll(grace.accept(next, background.ticker().nanos()));
        }
        return batch;
    }

    private void send(List<ChannelEvent> batch) throws InterruptedException {
        String body = WebhookFormat.body(batch, background.clock().instant());
        String signature = Hmac.sha256Hex(secret, body);
        for (URI url : settings.urls()) {
            deliver(url, body, signature, batch.size());
        }
    }

    // Until accepted, refused for good (4xx but 429), or out of time; waits as Herald's one Backoff says.
    private void deliver(URI url, String body, String signature, int events) throws InterruptedException {
        long giveUpAt = background.ticker().nanos() + settings.retryFor().toNanos();
        for (int attempt = 1; ; attempt++) {
            String problem;
            Optional<Duration> retryAfter = Optional.empty();
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-Pusher-Key", key)
                        .header("X-Pusher-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    metrics.webhooks("sent", events);
                    activity.accept(new WebhookActivity(connection, false, url.getHost(), events, "sent"));
                    return;
                }
                problem = "answered " + status;
                if (status / 100 == 4 && status != 429) {
                    fail(url, events, problem);
                    return;
                }
                retryAfter = answer.headers().firstValue("Retry-After").flatMap(Backoff::retryAfter);
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            Duration wait = BACKOFF.delay(attempt, retryAfter, background.jitter());
            if (!running || background.ticker().nanos() + wait.toNanos() > giveUpAt) {
                fail(url, events, problem);
                return;
            }
            background.sleeper().sleep(wait);
        }
    }


    private void fail(URI url, int events, String problem) {
        metrics.webhooks("failed", events);
        activity.accept(new WebhookActivity(connection, false, url.getHost(), events, "failed: " + problem));
        HeraldLog.webhookFailed(connection, url.getHost(), events, problem);
    }
}
