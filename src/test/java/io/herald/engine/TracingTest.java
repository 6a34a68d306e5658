package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.context.Scope;
import io.opentelemetry.sdk.OpenTelemetrySdk;
import io.opentelemetry.sdk.testing.exporter.InMemorySpanExporter;
import io.opentelemetry.sdk.trace.SdkTracerProvider;
import io.opentelemetry.sdk.trace.data.SpanData;
import io.opentelemetry.sdk.trace.export.SimpleSpanProcessor;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.ManualEngine;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.util.List;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * With OpenTelemetry in the application, each broadcast is a producer span: a child of the span that fired it, with
 * the connection, driver, channels and event name (never the payload), a retry as an event on it, and the outcome.
 */
@HeraldTest
@AddBeanClasses({TracingTest.Telemetry.class, ManualEngine.class})
class TracingTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<Tick> ticks;

    @Inject
    InMemorySpanExporter spans;

    @Inject
    OpenTelemetry openTelemetry;

    @Inject
    ManualEngine engine;

    /** The application's OpenTelemetry, exporting to memory as each span ends. */
    @ApplicationScoped
    static class Telemetry {
        private final InMemorySpanExporter exporter = InMemorySpanExporter.create();

        @Produces
        @Singleton
        InMemorySpanExporter exporter() {
            return exporter;
        }

        @Produces
        @Singleton
        OpenTelemetry openTelemetry() {
            return OpenTelemetrySdk.builder().setTracerProvider(SdkTracerProvider.builder()
                    .addSpanProcessor(SimpleSpanProcessor.create(exporter)).build()).build();
        }
    }

    private SpanData fireWithin(Runnable fire, String parentName) {
        Span parent = openTelemetry.getTracer("test").spanBuilder(parentName).startSpan();
        try (Scope scope = parent.makeCurrent()) {
            fire.run();
        } finally {
            parent.end();
        }
        return spans.getFinishedSpanItems().stream().filter(span -> span.getName().equals(parentName)).findFirst()
                .orElseThrow();
    }

    private SpanData broadcastSpan() {
        return spans.getFinishedSpanItems().stream().filter(span -> span.getKind() == SpanKind.PRODUCER)
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void broadcastIsAProducerSpanChildOfTheSpanThatFiredIt() {
        SpanData parent = fireWithin(() -> ticks.fire(new Tick(1)), "request");

        SpanData broadcast = broadcastSpan();
        assertThat(broadcast.getName()).isEqualTo("send ticks");
        assertThat(broadcast.getParentSpanId()).isEqualTo(parent.getSpanId());
        assertThat(broadcast.getTraceId()).isEqualTo(parent.getTraceId());
        assertThat(broadcast.getAttributes().get(AttributeKey.stringKey("herald.connection"))).isEqualTo("pusher");
        assertThat(broadcast.getAttributes().get(AttributeKey.stringKey("herald.driver"))).isEqualTo("pusher");
        assertThat(broadcast.getAttributes().get(AttributeKey.stringKey("herald.event"))).isEqualTo("Tick");
        assertThat(broadcast.getAttributes().get(AttributeKey.stringArrayKey("herald.channels")))
                .isEqualTo(List.of("ticks"));
        assertThat(broadcast.getAttributes().get(AttributeKey.stringKey("herald.outcome"))).isEqualTo("delivered");
        assertThat(broadcast.getAttributes().asMap().values()).noneSatisfy(value ->
                assertThat(String.valueOf(value)).contains("seq").contains(PusherRestStandIn.SECRET));
    }

    @Test
    @Config("broadcast.pusher.async=true")
    void queuedRetryIsAnEventOnTheSpanThatStartedWhereTheEventWasFired() {
        pusher.answerNext(503, "busy");

        SpanData parent = fireWithin(() -> ticks.fire(new Tick(2)), "job");
        engine.runSenders();

        SpanData broadcast = broadcastSpan();
        assertThat(broadcast.getParentSpanId()).isEqualTo(parent.getSpanId());
        assertThat(broadcast.getEvents()).singleElement().satisfies(event -> {
            assertThat(event.getName()).isEqualTo("retry");
            assertThat(event.getAttributes().get(AttributeKey.longKey("herald.attempt"))).isEqualTo(2L);
            assertThat(event.getAttributes().get(AttributeKey.stringKey("herald.reason"))).contains("503");
        });
        assertThat(broadcast.getAttributes().get(AttributeKey.stringKey("herald.outcome"))).isEqualTo("delivered");
    }

    @Test
    void failureEndsTheSpanWithAnErrorStatusAndTheReason() {
        pusher.answerNext(400, "Invalid channel");

        assertThatThrownBy(() -> ticks.fire(new Tick(3))).isInstanceOf(BroadcastException.class);

        SpanData broadcast = broadcastSpan();
        assertThat(broadcast.getStatus().getStatusCode()).isEqualTo(StatusCode.ERROR);
        assertThat(broadcast.getStatus().getDescription()).isEqualTo("Pusher answered 400: Invalid channel");
        assertThat(broadcast.getAttributes().get(AttributeKey.stringKey("herald.outcome"))).isEqualTo("failed");
    }
}
