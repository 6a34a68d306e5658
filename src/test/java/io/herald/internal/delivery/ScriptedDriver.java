package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import io.herald.spi.RetryableBroadcastException;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A driver that answers as the test scripts it: each request takes the next scripted answer (success once the script
 * is used up), and events the test names can be refused whenever they are sent. Every request is recorded.
 */
final class ScriptedDriver implements BroadcastDriver {
    private final Deque<RuntimeException> script = new ArrayDeque<>();
    private final List<List<OutboundEvent>> requests = new ArrayList<>();
    private final int maxBatchSize;
    private Predicate<OutboundEvent> refused = event -> false;

    ScriptedDriver(int maxBatchSize) {
        this.maxBatchSize = maxBatchSize;
    }

    /** The next request fails, and may succeed if tried again ({@code retryAfter} as a server would ask). */
    ScriptedDriver thenRetryable(String reason, Duration retryAfter) {
        script.add(new RetryableBroadcastException("test", List.of(), "x", reason, null, Optional.ofNullable(retryAfter)));
        return this;
    }

    ScriptedDriver thenRetryable(String reason) {
        return thenRetryable(reason, null);
    }

    /** The next request is refused for good. */
    ScriptedDriver thenRefused(String reason) {
        script.add(new BroadcastException("test", List.of(), "x", reason, null));
        return this;
    }

    /** Any request holding such an event is refused for good. */
    ScriptedDriver refusing(Predicate<OutboundEvent> events) {
        refused = events;
        return this;
    }

    @Override
    public synchronized void send(OutboundEvent event) {
        answer(List.of(event));
    }

    @Override
    public synchronized void sendBatch(List<OutboundEvent> events) {
        answer(List.copyOf(events));
    }

    private void answer(List<OutboundEvent> events) {
        requests.add(events);
        if (events.stream().anyMatch(refused)) {
            throw new BroadcastException("test", List.of(), "x", "refused " + events.size() + " event(s)", null);
        }
        RuntimeException next = script.poll();
        if (next != null) {
            throw next;
        }
    }

    @Override
    public int maxBatchSize() {
        return maxBatchSize;
    }

    synchronized List<List<OutboundEvent>> requests() {
        return List.copyOf(requests);
    }

    /** The sizes of the requests, in order. */
    synchronized List<Integer> requestSizes() {
        return requests.stream().map(List::size).toList();
    }
}
