package io.herald.internal.hooks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.sun.net.httpserver.HttpServer;
import io.herald.events.ChannelOccupied;
import io.herald.internal.background.Background;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.testing.ManualTime;
import java.net.InetSocketAddress;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The webhook sender's retries with its time in the test's hands: every wait is Herald's one backoff policy, or what
 * the receiver asked for, and counted exactly; nothing sleeps.
 */
class WebhookSenderTest {
    private final ManualTime time = new ManualTime();
    private final Queue<Integer> answers = new ConcurrentLinkedQueue<>();
    private final List<String> outcomes = new CopyOnWriteArrayList<>();
    private final HttpServer receiver;
    private WebhookSender sender;

    WebhookSenderTest() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 10);
        receiver.createContext("/hooks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            int status = answers.isEmpty() ? 200 : answers.poll();
            if (status == 429) {
                exchange.getResponseHeaders().set("Retry-After", "7");
            }
            exchange.sendResponseHeaders(status, -1);
            exchange.close();
        });
        receiver.start();
    }

    @AfterEach
    void stop() {
        if (sender != null) {
            sender.close();
        }
        receiver.stop(0);
    }

    private void start(Duration retryFor) {
        WebhookTargets settings = new WebhookTargets(List.of(URI.create("http://127.0.0.1:"
                + receiver.getAddress().getPort() + "/hooks")), Set.of(), Duration.ZERO, 100, retryFor, Duration.ZERO);
        LocalServerMetrics counted = new LocalServerMetrics() {
            @Override
            public void webhooks(String outcome, int events) {
                outcomes.add(outcome);
            }
        };
        sender = new WebhookSender("local", "key", "secret", settings, counted, new Background(time, time,
                (min, max) -> max, Clock.systemUTC(), Background.daemons()));
    }

    @Test
    void aFailedRequestIsRetriedAfterTheBackoffAndAfterWhatTheReceiverAskedFor() {
        answers.addAll(List.of(503, 429));
        start(Duration.ofSeconds(300));

        sender.accept(new ChannelOccupied("local", "news", Instant.now()));

        await().until(() -> outcomes.contains("sent"));
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofSeconds(7));
        assertThat(outcomes).containsExactly("sent");
    }

    @Test
    void aRequestStillFailingWhenTheNextWaitWouldOutlastRetrySecondsIsGivenUp() {
        answers.addAll(List.of(503, 503, 503, 503, 503, 503));
        start(Duration.ofSeconds(1));

        sender.accept(new ChannelOccupied("local", "news", Instant.now()));

        await().until(() -> outcomes.contains("failed"));
        // 100 + 200 + 400 ms waited; the next 800 ms would end after the second
        assertThat(time.sleeps()).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200),
                Duration.ofMillis(400));
        assertThat(answers).hasSize(2);
    }

    @Test
    void aRefusalIsNotRetried() {
        answers.add(403);
        start(Duration.ofSeconds(300));

        sender.accept(new ChannelOccupied("local", "news", Instant.now()));

        await().until(() -> outcomes.contains("failed"));
        assertThat(time.sleeps()).isEmpty();
        assertThat(answers).as("the refusal was the only request").isEmpty();
    }
}
