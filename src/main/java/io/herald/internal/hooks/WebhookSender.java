package io.herald.internal.hooks;

import io.herald.ChannelEvent;
import io.herald.internal.HeraldLog;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.signing.Hmac;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Sends a {@code local} connection's channel events as Pusher-format webhooks: events of a short window in one
 * {@code {"time_ms":…,"events":[…]}} body, signed ({@code X-Pusher-Key}, {@code X-Pusher-Signature}: HMAC-SHA256
 * of the raw body with the app's secret), posted to every URL, and retried with backoff on network errors and 5xx
 * answers until one is accepted (at least once) or {@code retry-seconds} have passed (HERALD-0219). Events wait in a
 * bounded queue, taken on a thread of its own: the server never waits for a webhook; when the queue is full an event
 * is dropped and logged (HERALD-0220). Both are counted ({@code herald.local.webhook.events}).
 *
 * <pre>{@code
 * WebhookSender sender = new WebhookSender("local", key, secret, OutgoingWebhooks.from(config), metrics);
 * sender.accept(new ChannelOccupied("local", "news", now));
 * }</pre>
 */
public final class WebhookSender implements AutoCloseable {
    private static final int MAX_BATCH = 100;
    private static final Duration FIRST_BACKOFF = Duration.ofMillis(100);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(10);

    private final String connection;
    private final String key;
    private final String secret;
    private final OutgoingWebhooks settings;
    private final LocalServerMetrics metrics;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final BlockingQueue<ChannelEvent> queue;
    private final Thread sender;
    private volatile boolean running = true;

    public WebhookSender(String connection, String key, String secret, OutgoingWebhooks settings,
            LocalServerMetrics metrics) {
        this.connection = connection;
        this.key = key;
        this.secret = secret;
        this.settings = settings;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        this.sender = new Thread(this::run, "herald-webhooks-" + connection);
        sender.setDaemon(true);
        sender.start();
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
                ChannelEvent first = queue.poll(1, TimeUnit.SECONDS);
                if (first != null) {
                    send(batch(first));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private List<ChannelEvent> batch(ChannelEvent first) throws InterruptedException {
        List<ChannelEvent> batch = new ArrayList<>(List.of(first));
        long deadline = System.nanoTime() + settings.batchWindow().toNanos();
        while (batch.size() < MAX_BATCH) {
            ChannelEvent next = queue.poll(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (next == null) {
                break;
            }
            batch.add(next);
        }
        return batch;
    }

    private void send(List<ChannelEvent> batch) throws InterruptedException {
        String body = WebhookFormat.body(batch, clock.instant());
        String signature = Hmac.sha256Hex(secret, body);
        for (URI url : settings.urls()) {
            deliver(url, body, signature, batch.size());
        }
    }

    // Until accepted, refused for good (4xx but 429), or out of time.
    private void deliver(URI url, String body, String signature, int events) throws InterruptedException {
        Instant giveUpAt = clock.instant().plus(settings.retryFor());
        Duration backoff = FIRST_BACKOFF;
        while (true) {
            String problem;
            try {
                HttpResponse<Void> answer = http.send(HttpRequest.newBuilder(url).timeout(Duration.ofSeconds(10))
                        .header("Content-Type", "application/json").header("X-Pusher-Key", key)
                        .header("X-Pusher-Signature", signature).POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(), HttpResponse.BodyHandlers.discarding());
                int status = answer.statusCode();
                if (status / 100 == 2) {
                    metrics.webhooks("sent", events);
                    return;
                }
                problem = "answered " + status;
                if (status / 100 == 4 && status != 429) {
                    fail(url, events, problem);
                    return;
                }
            } catch (IOException e) {
                problem = e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
            }
            if (!running || clock.instant().plus(backoff).isAfter(giveUpAt)) {
                fail(url, events, problem);
                return;
            }
            Thread.sleep(backoff.toMillis());
            backoff = backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
        }
    }

    private void fail(URI url, int events, String problem) {
        metrics.webhooks("failed", events);
        HeraldLog.webhookFailed(connection, url.getHost(), events, problem);
    }
}
