package io.herald.testing;

import io.herald.internal.background.Sleeper;
import io.herald.internal.background.Ticker;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A clock that moves only when someone sleeps on it: every wait is recorded and takes no time at all.
 *
 * <pre>{@code
 * ManualTime time = new ManualTime();
 * time.sleep(Duration.ofSeconds(7));   // returns at once
 * time.slept();                        // PT7S
 * }</pre>
 */
public final class ManualTime implements Ticker, Sleeper {
    private volatile long nanos = 1_000_000_000L;
    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private Runnable whileAsleep = () -> { };
    private boolean inHook;

    @Override
    public long nanos() {
        return nanos;
    }

    @Override
    public void sleep(Duration duration) {
        sleeps.add(duration);
        nanos += duration.toNanos();
        if (!inHook) {
            inHook = true;
            try {
                whileAsleep.run();
            } finally {
                inHook = false;
            }
        }
    }

    /** What happens elsewhere while someone sleeps: for example, sender tasks run while a stop waits for them. */
    public void onSleep(Runnable work) {
        whileAsleep = work;
    }

    /** The waits asked for, in order. */
    public List<Duration> sleeps() {
        return List.copyOf(sleeps);
    }

    /** All the waiting done, added up. */
    public Duration slept() {
        return sleeps.stream().reduce(Duration.ZERO, Duration::plus);
    }

}
