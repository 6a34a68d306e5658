package io.herald.internal.observability;

import io.herald.spi.OutboundEvent;
import io.opentelemetry.api.GlobalOpenTelemetry;
import io.opentelemetry.api.OpenTelemetry;
import io.opentelemetry.api.common.AttributeKey;
import io.opentelemetry.api.common.Attributes;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.StatusCode;
import io.opentelemetry.api.trace.Tracer;
import jakarta.enterprise.inject.spi.CDI;
import java.util.List;

/**
 * Broadcasts as OpenTelemetry producer spans, following the messaging conventions where they fit
 * ({@code messaging.system}, {@code messaging.operation.type}, {@code messaging.destination.name}) and naming
 * Herald's own facts under {@code herald.*}: connection, driver, channels, event name. Never the payload, never a
 * key or secret. Loaded only when OpenTelemetry's API is on the class path.
 *
 * <pre>{@code
 * BroadcastTracing tracing = OpenTelemetryTracing.create();   // the application's OpenTelemetry bean, else the global one
 * }</pre>
 */
final class OpenTelemetryTracing implements BroadcastTracing {
    static final String INSTRUMENTATION = "io.herald";
    static final AttributeKey<String> SYSTEM = AttributeKey.stringKey("messaging.system");
    static final AttributeKey<String> OPERATION = AttributeKey.stringKey("messaging.operation.type");
    static final AttributeKey<String> DESTINATION = AttributeKey.stringKey("messaging.destination.name");
    static final AttributeKey<String> CONNECTION = AttributeKey.stringKey("herald.connection");
    static final AttributeKey<String> DRIVER = AttributeKey.stringKey("herald.driver");
    static final AttributeKey<List<String>> CHANNELS = AttributeKey.stringArrayKey("herald.channels");
    static final AttributeKey<String> EVENT = AttributeKey.stringKey("herald.event");
    static final AttributeKey<String> OUTCOME = AttributeKey.stringKey("herald.outcome");
    static final AttributeKey<Long> ATTEMPT = AttributeKey.longKey("herald.attempt");
    static final AttributeKey<String> REASON = AttributeKey.stringKey("herald.reason");

    private final Tracer tracer;

    private OpenTelemetryTracing(Tracer tracer) {
        this.tracer = tracer;
    }

    static BroadcastTracing create() {
        return new OpenTelemetryTracing(openTelemetry().getTracer(INSTRUMENTATION));
    }

    private static OpenTelemetry openTelemetry() {
        try {
            var beans = CDI.current().select(OpenTelemetry.class);
            if (beans.isResolvable()) {
                return beans.get();
            }
        } catch (RuntimeException noBeanHere) {
            // the global instance below
        }
        return GlobalOpenTelemetry.get();
    }

    @Override
    public BroadcastSpan start(String connection, String driver, OutboundEvent event) {
        List<String> channels = event.channels();
        String destination = channels.size() == 1 ? channels.get(0) : channels.size() + " channels";
        Span span = tracer.spanBuilder("send " + destination)
                .setSpanKind(SpanKind.PRODUCER)
                .setAttribute(SYSTEM, "pusher")
                .setAttribute(OPERATION, "send")
                .setAttribute(DESTINATION, destination)
                .setAttribute(CONNECTION, connection)
                .setAttribute(DRIVER, driver)
                .setAttribute(CHANNELS, channels)
                .setAttribute(EVENT, event.name())
                .startSpan();
        return new OpenTelemetrySpan(span);
    }

    /** One broadcast's span. */
    private record OpenTelemetrySpan(Span span) implements BroadcastSpan {
        @Override
        public void retrying(int attempt, String reason) {
            span.addEvent("retry", Attributes.of(ATTEMPT, (long) attempt, REASON, reason));
        }

        @Override
        public void delivered() {
            span.setAttribute(OUTCOME, "delivered");
            span.end();
        }

        @Override
        public void failed(String reason) {
            span.setAttribute(OUTCOME, "failed");
            span.setStatus(StatusCode.ERROR, reason);
            span.end();
        }
    }
}
