package io.herald.testkit;

import io.herald.BroadcastException;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.List;
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
 * <p>It records only what a {@code memory} connection sends, so it records nothing, and is never even created, in a
 * deployment without one. It keeps the last {@code broadcast.<connection>.max-recorded} events (default
 * {@value #DEFAULT_MAX_RECORDED}; the largest any {@code memory} connection asks for): older ones are dropped, and
 * {@link #dropped()} counts them.
 */
@ApplicationScoped
public class RecordedBroadcasts {
    /** How many events are kept unless a {@code memory} connection asks for more. */
    public static final int DEFAULT_MAX_RECORDED = 10_000;

    private final Deque<RecordedBroadcast> recorded = new ArrayDeque<>();
    private final AtomicInteger failing = new AtomicInteger();
    private volatile String failure = "";
    private int maxRecorded = DEFAULT_MAX_RECORDED;
    private boolean askedFor;
    private long dropped;

    /**
     * Every event recorded so far and still kept, in the order sent.
     *
     * @return the events
     */
    public synchronized List<RecordedBroadcast> all() {
        return List.copyOf(recorded);
    }

    /**
     * How many events were dropped, oldest first, to keep at most {@code max-recorded}.
     *
     * @return how many
     */
    public synchronized long dropped() {
        return dropped;
    }

    /** Forgets what was recorded, how many were dropped, and any failures still to come. */
    public synchronized void clear() {
        recorded.clear();
        dropped = 0;
        failing.set(0);
    }

    /**
     * The next {@code sends} sends fail with {@code reason}, without being recorded: a synchronous {@code fire()}
     * throws, a queued event is reported as {@link io.herald.BroadcastFailed}.
     *
     * @param sends how many sends fail
     * @param reason the failure's reason
     */
    public void failNext(int sends, String reason) {
        failure = reason;
        failing.set(sends);
    }

    /** Asserts that nothing was sent. */
    public void assertNothingSent() {
        List<RecordedBroadcast> sent = all();
        if (!sent.isEmpty()) {
            throw new AssertionError("Expected no broadcast, but " + sent.size() + " were sent: " + sent);
        }
    }

    /**
     * Asserts that an event of this type was sent (its name being the class's simple name), and narrows to those.
     *
     * @param eventType the event's class
     * @return the events of that name, to narrow further
     */
    public SentEvents assertSent(Class<?> eventType) {
        return assertSent(eventType.getSimpleName());
    }

    /**
     * Asserts that an event of this name was sent, and narrows to those.
     *
     * @param event the event's name
     * @return the events of that name, to narrow further
     */
    public SentEvents assertSent(String event) {
        return new SentEvents(event, all().stream().filter(sent -> sent.event().equals(event)).toList(), all())
                .atLeastOnce();
    }

    /**
     * Asserts that no event of this type (its name being the class's simple name) was sent.
     *
     * @param eventType the event's class
     */
    public void assertNotSent(Class<?> eventType) {
        assertNotSent(eventType.getSimpleName());
    }

    /**
     * Asserts that no event of this name was sent.
     *
     * @param event the event's name
     */
    public void assertNotSent(String event) {
        new SentEvents(event, all().stream().filter(sent -> sent.event().equals(event)).toList(), all()).never();
    }

    void record(RecordedBroadcast broadcast) {
        if (failing.getAndUpdate(left -> Math.max(0, left - 1)) > 0) {
            throw new BroadcastException(broadcast.connection(), broadcast.channels(), broadcast.event(), failure, null);
        }
        synchronized (this) {
            recorded.addLast(broadcast);
            while (recorded.size() > maxRecorded) {
                recorded.removeFirst();
                dropped++;
            }
        }
    }

    // A memory connection opened asking to keep this many.
    synchronized void keepAtLeast(int max) {
        maxRecorded = askedFor ? Math.max(maxRecorded, max) : max;
        askedFor = true;
    }
}
