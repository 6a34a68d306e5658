package io.herald.testkit;

import java.util.List;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The recorded events of one name, narrowed step by step; each step fails with an {@link AssertionError} that lists
 * what was sent when nothing is left to match.
 *
 * <pre>{@code
 * broadcasts.assertSent("NewRelease").through("pusher").onChannels("releases").times(2);
 * }</pre>
 */
public final class SentEvents {
    private final String description;
    private final List<RecordedBroadcast> matching;
    private final List<RecordedBroadcast> everything;

    SentEvents(String description, List<RecordedBroadcast> matching, List<RecordedBroadcast> everything) {
        this.description = description;
        this.matching = List.copyOf(matching);
        this.everything = everything;
    }

    /**
     * Those sent on exactly these channels.
     *
     * @param channels the channels' full names
     * @return the narrowed events, to narrow or count further
     */
    public SentEvents onChannels(String... channels) {
        Set<String> wanted = Set.of(channels);
        return narrow("on " + wanted, sent -> Set.copyOf(sent.channels()).equals(wanted));
    }

    /**
     * Those sent through this connection.
     *
     * @param connection the connection's name
     * @return the narrowed events, to narrow or count further
     */
    public SentEvents through(String connection) {
        return narrow("through '" + connection + "'", sent -> sent.connection().equals(connection));
    }

    /**
     * Those whose JSON payload satisfies {@code json}.
     *
     * @param json a test of the JSON payload
     * @return the narrowed events, to narrow or count further
     */
    public SentEvents withPayload(Predicate<String> json) {
        return narrow("with the expected payload", sent -> json.test(sent.json()));
    }

    /**
     * Those that left this socket out ("to others").
     *
     * @param socketId the socket left out
     * @return the narrowed events, to narrow or count further
     */
    public SentEvents excluding(String socketId) {
        return narrow("leaving out " + socketId, sent -> socketId.equals(sent.excludedSocket()));
    }

    /**
     * Asserts exactly {@code count} match.
     *
     * @param count how many
     * @return these events
     */
    public SentEvents times(int count) {
        if (matching.size() != count) {
            throw failure("exactly " + count + " time(s), but it was sent " + matching.size() + " time(s)");
        }
        return this;
    }

    /**
     * Asserts exactly one matches.
     *
     * @return these events
     */
    public SentEvents once() {
        return times(1);
    }

    /**
     * The matching events, for assertions of your own.
     *
     * @return the events
     */
    public List<RecordedBroadcast> events() {
        return matching;
    }

    SentEvents atLeastOnce() {
        if (matching.isEmpty()) {
            throw failure("at least once, but it was not sent");
        }
        return this;
    }

    void never() {
        if (!matching.isEmpty()) {
            throw failure("never, but it was sent " + matching.size() + " time(s)");
        }
    }

    private SentEvents narrow(String condition, Predicate<RecordedBroadcast> test) {
        return new SentEvents(description + " " + condition, matching.stream().filter(test).toList(), everything)
                .atLeastOnce();
    }

    private AssertionError failure(String what) {
        return new AssertionError("Expected " + description + " " + what + ". Sent: " + everything);
    }
}
