package io.herald.internal.console;

import io.herald.internal.observability.BroadcastTracing;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Watches every broadcast's outcome for the console, as a second tracer beside OpenTelemetry's: the event as it was
 * sent, or the reason it failed (on the caller's thread or after its retries), and per connection the counts of sent, retried and failed events since a console
 * was opened. While no console is open, {@link #start} answers the span that does nothing, after one check.
 */
@ApplicationScoped
class ConsoleTap implements BroadcastTracing {

    /** One connection's counts. */
    record Counts(LongAdder sent, LongAdder retried, LongAdder failed) {
        Counts() {
            this(new LongAdder(), new LongAdder(), new LongAdder());
        }
    }

    @Inject
    ConsoleFeed feed;

    private final Map<String, Counts> counts = new ConcurrentHashMap<>();

    @Override
    public BroadcastSpan start(String connection, String driver, OutboundEvent event) {
        if (!feed.open()) {
            return BroadcastSpan.NONE;
        }
        Counts mine = counts.computeIfAbsent(connection, name -> new Counts());
        return new BroadcastSpan() {
            @Override
            public void retrying(int attempt, String reason) {
                mine.retried().increment();
            }

            @Override
            public void delivered() {
                mine.sent().increment();
                feed.record("sent", connection, event.channels(), event.name(), event.data());
            }

            @Override
            public void failed(String reason) {
                mine.failed().increment();
                feed.record("failed", connection, event.channels(), event.name(), reason);
            }
        };
    }

    /** Each connection's counts since a console was first opened. */
    Map<String, Counts> counts() {
        return Map.copyOf(counts);
    }
}
