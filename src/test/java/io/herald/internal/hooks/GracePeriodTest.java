package io.herald.internal.hooks;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.ChannelVacated;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Pusher's grace period: a leave waits, and a return within it cancels both; the time is passed in. */
class GracePeriodTest {
    private static final long SECOND = 1_000_000_000L;
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");
    private final GracePeriod grace = new GracePeriod(Duration.ofSeconds(3));

    private static ChannelEvent vacated(String channel) {
        return new ChannelVacated("local", channel, NOW);
    }

    private static ChannelEvent occupied(String channel) {
        return new ChannelOccupied("local", channel, NOW);
    }

    @Test
    void aVacatedChannelIsHeldUntilTheGracePeriodHasPassed() {
        assertThat(grace.accept(vacated("news"), 0)).isEmpty();

        assertThat(grace.due(3 * SECOND - 1)).isEmpty();
        assertThat(grace.due(3 * SECOND)).containsExactly(vacated("news"));
        assertThat(grace.due(10 * SECOND)).as("sent once").isEmpty();
    }

    @Test
    void aChannelOccupiedAgainWithinTheGracePeriodSendsNeitherTheLeaveNorTheReturn() {
        grace.accept(vacated("news"), 0);

        assertThat(grace.accept(occupied("news"), 2 * SECOND)).isEmpty();
        assertThat(grace.due(10 * SECOND)).isEmpty();
    }

    @Test
    void aChannelOccupiedAfterTheLeaveWasSentIsSent() {
        grace.accept(vacated("news"), 0);
        grace.due(3 * SECOND);

        assertThat(grace.accept(occupied("news"), 4 * SECOND)).containsExactly(occupied("news"));
    }

    @Test
    void aMemberWhoReturnsInTimeIsNeitherRemovedNorAdded() {
        MemberRemoved left = new MemberRemoved("local", "presence-room", "ada", NOW);
        MemberAdded back = new MemberAdded("local", "presence-room", "ada", NOW);
        MemberAdded other = new MemberAdded("local", "presence-room", "bob", NOW);

        assertThat(grace.accept(left, 0)).isEmpty();
        assertThat(grace.accept(other, SECOND)).as("another member is not a return").containsExactly(other);
        assertThat(grace.accept(back, 2 * SECOND)).isEmpty();
        assertThat(grace.due(10 * SECOND)).isEmpty();
    }

    @Test
    void leavesAreDueInTheOrderTheyHappened() {
        grace.accept(vacated("a"), 0);
        grace.accept(vacated("b"), SECOND);
        grace.accept(vacated("a"), 2 * SECOND);

        assertThat(grace.nextDue()).hasValue(4 * SECOND);
        assertThat(grace.due(4 * SECOND)).containsExactly(vacated("b"));
        assertThat(grace.due(5 * SECOND)).containsExactly(vacated("a"));
    }

    @Test
    void aZeroGracePeriodSendsEveryEventAtOnce() {
        GracePeriod none = new GracePeriod(Duration.ZERO);

        assertThat(none.accept(vacated("news"), 0)).containsExactly(vacated("news"));
        assertThat(none.accept(occupied("news"), 0)).containsExactly(occupied("news"));
    }
}
