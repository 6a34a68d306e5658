package io.herald.internal.delivery;

import io.herald.internal.background.Background;
import io.herald.internal.background.Jitter;
import io.herald.internal.background.Sleeper;
import io.herald.internal.background.Ticker;
import java.time.Clock;
import java.util.concurrent.Executor;

/**
 * What a delivery engine takes from its surroundings: the time, a way to wait, chance (for backoff jitter) and the
 * threads that send. Passed in, so that retries, backoff, deadlines and shutdown are tested exactly, without sleeping.
 *
 * <pre>{@code
 * EngineEnvironment.system(executor);                          // production
 * new EngineEnvironment(clock, clock, (min, max) -> max, tasks);  // a test: manual time, no chance, manual threads
 * }</pre>
 *
 * @param ticker the time, in nanoseconds from an arbitrary origin
 * @param sleeper waits; a test's sleeper advances its ticker instead
 * @param jitter picks a backoff between two bounds
 * @param senders runs the engine's sender tasks
 * @param clock the time of day, for what is stored with a date: an outbox row's age and when it is tried again
 */
public record EngineEnvironment(Ticker ticker, Sleeper sleeper, Jitter jitter, Executor senders, Clock clock) {

    /** An environment on the system's time of day. */
    public EngineEnvironment(Ticker ticker, Sleeper sleeper, Jitter jitter, Executor senders) {
        this(ticker, sleeper, jitter, senders, Clock.systemUTC());
    }

    /** The real clock, real sleeping and random jitter, with these sender threads. */
    public static EngineEnvironment system(Executor senders) {
        Background system = Background.system();
        return new EngineEnvironment(system.ticker(), system.sleeper(), system.jitter(), senders, system.clock());
    }

    /** The same time, waiting and chance, for background work other than sending (an outbox's relay). */
    public Background background() {
        return new Background(ticker, sleeper, jitter, clock, Background.daemons());
    }
}
