package io.herald.testing;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A time of day that moves only when the test moves it.
 *
 * <pre>{@code
 * ManualClock clock = new ManualClock();
 * clock.advance(Duration.ofMinutes(2));   // two minutes later, at once
 * }</pre>
 */
public final class ManualClock extends Clock {
    private volatile Instant now = Instant.parse("2026-12-06T12:00:00Z");

    /** Moves the time forward. */
    public void advance(Duration by) {
        now = now.plus(by);
    }

    @Override
    public Instant instant() {
        return now;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        return this;
    }
}
