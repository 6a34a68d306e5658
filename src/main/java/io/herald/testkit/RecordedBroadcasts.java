package io.herald.testkit;

import io.herald.BroadcastException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What the {@code memory} driver was given, for an application's tests: every event sent through a connection whose
 * driver is {@code memory}, with assertions about them, and a way to make the next sends fail. A bean in Herald's
 * jar: inject it wherever the test runs (weld-junit5, {@code @QuarkusTest}, an Arquillian deployment).
 *
 * <pre>{@code
 * // broadcast.default=test
 * // broadcast.test.driver=memory
 * @Inject RecordedBroadcasts broadcasts;
 *
 * releases.fire(new NewRelease("4.0.0"));
 * broadcasts.assertSent(NewRelease.class).onChannels("releases").withPayload(json -> json.contains("4.0.0")).once();
 * broadcasts.assertNotSent(AdminUserAlert.class);
 *
 * broadcasts.failNext(1, "Pusher is down");   // the next send fails: test your BroadcastFailed observer
 * }</pre>
 *
 * <p>It keeps everything until {@link #clear()}: a driver for tests, not for production.
 */
@ApplicationScoped
public class RecordedBroadcasts {
    private final List<RecordedBroadcast> recorded = new CopyOnWriteArrayList<>();
    private final AtomicInteger failing = new AtomicInteger();
    private volatile String failure = "";

    /** Every event recorded so far, in the order sent. */
    public List<RecordedBroadcast> all() {
        return List.copyOf(recorded);
    }

    /** Forgets what was recorded and any failures still to come. */
    public void clear() {
        recorded.clear();
        failing.set(0);
    }

    /**
     * The next {@code sends} sends fail with {@code reason}, without being recorded: a synchronous {@code fire()}
     * throws, a queued event is reported as {@link io.herald.BroadcastFailed}.
     */
    public void failNext(int sends, String reason) {
        failure = reason;
        failing.set(sends);
    }

    /** Asserts that nothing was sent. */
    public void assertNothingSent() {
        if (!recorded.isEmpty()) {
            throw new AssertionError("Expected no broadcast, but " + recorded.size() + " were sent: " + recorded);
        }
    }

    /** Asserts that an event of this type was sent (its name being the class's simple name), and narrows to those. */
    public SentEvents assertSent(Class<?> eventType) {
        return assertSent(eventType.getSimpleName());
    }

    /** Asserts that an event of this name was sent, and narrows to those. */
    public SentEvents assertSent(String event) {
        return new SentEvents(event, all().stream().filter(sent -> sent.event().equals(event)).toList(), all())
                .atLeastOnce();
    }

    /** Asserts that no event of this type (its name being the class's simple name) was sent. */
    public void assertNotSent(Class<?> eventType) {
        assertNotSent(eventType.getSimpleName());
    }

    /** Asserts that no event of this name was sent. */
    public void assertNotSent(String event) {
        new SentEvents(event, all().stream().filter(sent -> sent.event().equals(event)).toList(), all()).never();
    }

    void record(RecordedBroadcast broadcast) {
        if (failing.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new BroadcastException(broadcast.connection(), broadcast.channels(), broadcast.event(), failure, null);
        }
        recorded.add(broadcast);
    }
}
