package it.quarkus;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.gson.JsonParser;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * Herald's metrics in quarkus-micrometer's {@code /q/metrics} and its spans through quarkus-opentelemetry: every way an
 * event goes out is counted exactly once, and each broadcast is a producer span, a child of the request that fired it.
 */
@QuarkusTest
class QuarkusObservabilityTest {
    private static final URI BASE = QuarkusScenariosTest.BASE;
    private static final String SECRET = "it-secret-7d1f0c";

    private final HttpClient http = HttpClient.newHttpClient();

    @Inject
    InMemorySpanExporter spans;

    private HttpResponse<String> post(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(BASE.resolve(path)).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** A Prometheus sample of {@code /q/metrics} (an exemplar may follow it): its value, or 0 before it exists. */
    private double metric(String name, String... labels) throws Exception {
        String text = http.send(HttpRequest.newBuilder(BASE.resolve("q/metrics")).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        Matcher sample = Pattern.compile("(?m)^" + name + "\\{([^}]*)} (\\S+)").matcher(text);
        while (sample.find()) {
            String found = sample.group(1);
            if (List.of(labels).stream().allMatch(label -> found.contains(label))) {
                return Double.parseDouble(sample.group(2));
            }
        }
        return 0;
    }

    @Test
    void synchronousFireIsCountedAndTimedOnce() throws Exception {
        double sent = metric("herald_broadcasts_sent_total", "connection=\"pusher\"", "mode=\"sync\"");
        double published = metric("herald_local_events_published_total", "source=\"rest-api\"");
        double timed = metric("herald_broadcasts_request_seconds_count", "connection=\"pusher\"", "mode=\"sync\"");

        assertEquals(204, post("releases/6.0.0").statusCode());

        assertEquals(sent + 1, metric("herald_broadcasts_sent_total", "connection=\"pusher\"", "mode=\"sync\""));
        assertEquals(timed + 1, metric("herald_broadcasts_request_seconds_count", "connection=\"pusher\"",
                "mode=\"sync\""));
        assertEquals(published + 1, metric("herald_local_events_published_total", "source=\"rest-api\""));
    }

    @Test
    void fireAsyncIsCountedQueuedThenSentOnce() throws Exception {
        double queued = metric("herald_broadcasts_queued_total", "connection=\"pusher\"");
        double sent = metric("herald_broadcasts_sent_total", "connection=\"pusher\"", "mode=\"queued\"");

        assertEquals(204, post("releases/async/6.0.1").statusCode());

        await().atMost(Duration.ofSeconds(10)).until(() ->
                metric("herald_broadcasts_sent_total", "connection=\"pusher\"", "mode=\"queued\"") == sent + 1);
        assertEquals(queued + 1, metric("herald_broadcasts_queued_total", "connection=\"pusher\""));
    }

    @Test
    void retryAndFailureAreCountedOnce() throws Exception {
        double retried = metric("herald_broadcasts_retried_total", "connection=\"flaky\"");
        double failed = metric("herald_broadcasts_failed_total", "connection=\"flaky\"", "mode=\"queued\"");

        assertEquals(502, post("test-support/flaky").statusCode());

        assertEquals(retried + 1, metric("herald_broadcasts_retried_total", "connection=\"flaky\""));
        assertEquals(failed + 1, metric("herald_broadcasts_failed_total", "connection=\"flaky\"", "mode=\"queued\""));
    }

    @Test
    void clientEventIsCountedByTheLocalServer() throws Exception {
        double events = metric("herald_local_events_published_total", "connection=\"local\"", "source=\"client\"");
        CompletableFuture<String> established = new CompletableFuture<>();
        WebSocket socket = http.newWebSocketBuilder().buildAsync(URI.create("ws://127.0.0.1:" + BASE.getPort()
                + "/app/it-key?protocol=7"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        established.complete(data.toString());
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        try {
            String frame = established.get(10, TimeUnit.SECONDS);
            String socketId = JsonParser.parseString(JsonParser.parseString(frame).getAsJsonObject().get("data")
                    .getAsString()).getAsJsonObject().get("socket_id").getAsString();
            socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-chat\",\"auth\":\"it-key:"
                    + hmac(socketId + ":private-chat") + "\"}}", true).join();
            socket.sendText("{\"event\":\"client-typing\",\"channel\":\"private-chat\",\"data\":{}}", true).join();

            await().atMost(Duration.ofSeconds(10)).until(() -> metric("herald_local_events_published_total",
                    "connection=\"local\"", "source=\"client\"") == events + 1);
        } finally {
            socket.abort();
        }
    }

    @Test
    void broadcastIsAProducerSpanChildOfTheRequestThatFiredIt() throws Exception {
        spans.reset();

        assertEquals(204, post("releases/6.1.0").statusCode());

        SpanData broadcast = awaitSpan(span -> span.getKind() == SpanKind.PRODUCER
                && "pusher".equals(span.getAttributes().get(AttributeKey.stringKey("herald.connection"))));
        SpanData request = awaitSpan(span -> span.getKind() == SpanKind.SERVER
                && span.getName().contains("releases"));
        assertEquals("send releases", broadcast.getName());
        assertEquals(request.getSpanContext().getSpanId(), broadcast.getParentSpanId());
        assertEquals(request.getTraceId(), broadcast.getTraceId());
        assertEquals("NewRelease", broadcast.getAttributes().get(AttributeKey.stringKey("herald.event")));
        assertEquals(List.of("releases"), broadcast.getAttributes().get(AttributeKey.stringArrayKey("herald.channels")));
        assertEquals("pusher", broadcast.getAttributes().get(AttributeKey.stringKey("messaging.system")));
        assertEquals("delivered", broadcast.getAttributes().get(AttributeKey.stringKey("herald.outcome")));
        assertFalse(broadcast.getAttributes().asMap().values().stream()
                .anyMatch(value -> String.valueOf(value).contains("6.1.0") || String.valueOf(value).contains(SECRET)),
                "no payload and no secret in the span: " + broadcast.getAttributes());
    }

    @Test
    void retryAndFailureAreVisibleOnTheSpan() throws Exception {
        spans.reset();

        assertEquals(502, post("test-support/flaky").statusCode());

        SpanData broadcast = awaitSpan(span -> span.getKind() == SpanKind.PRODUCER
                && "flaky".equals(span.getAttributes().get(AttributeKey.stringKey("herald.connection"))));
        assertEquals(StatusCode.ERROR, broadcast.getStatus().getStatusCode());
        assertEquals("failed", broadcast.getAttributes().get(AttributeKey.stringKey("herald.outcome")));
        assertTrue(broadcast.getEvents().stream().anyMatch(event -> event.getName().equals("retry")
                && Long.valueOf(2).equals(event.getAttributes().get(AttributeKey.longKey("herald.attempt")))),
                "a retry event for attempt 2: " + broadcast.getEvents());
    }

    private SpanData awaitSpan(java.util.function.Predicate<SpanData> wanted) {
        return await().atMost(Duration.ofSeconds(10)).until(
                () -> spans.getFinishedSpanItems().stream().filter(wanted).findFirst(), Optional::isPresent).get();
    }

    private static String hmac(String text) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(SECRET.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }
}
