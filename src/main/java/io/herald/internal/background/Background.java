package io.herald.internal.background;

import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What Herald's background work takes from its surroundings, passed in rather than taken from the JDK, so that
 * retries, backoff and deadlines are tested exactly, without waiting: the time ({@link Ticker} for waits, {@link Clock}
 * for what is stored with a date), a way to wait, chance, and where threads come from.
 *
 * <pre>{@code
 * Background.system();                                                         // production
 * new Background(time, time, (min, max) -> max, clock, Background.daemons());  // a test: manual time, no chance
 * }</pre>
 *
 * @param ticker the time waits and deadlines are measured in
 * @param sleeper waits; a test's advances its ticker instead
 * @param jitter picks a backoff between two bounds
 * @param clock the time of day
 * @param threads makes the threads background work runs on
 */
public record Background(Ticker ticker, Sleeper sleeper, Jitter jitter, Clock clock, ThreadFactory threads) {

    /** The system's time, real sleeping, random jitter and daemon threads. */
    public static Background system() {
        return new Background(System::nanoTime, duration -> TimeUnit.NANOSECONDS.sleep(duration.toNanos()),
                (min, max) -> ThreadLocalRandom.current().nextLong(min, max + 1), Clock.systemUTC(), daemons());
    }

    /** Daemon threads named after what they do ({@code herald-webhooks-local}). */
    public static ThreadFactory daemons() {
        AtomicInteger unnamed = new AtomicInteger();
        return work -> {
            Thread thread = new Thread(work, "herald-background-" + unnamed.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }

    /** A started daemon thread named {@code name} running {@code work}. */
    public Thread start(String name, Runnable work) {
        Thread thread = threads.newThread(work);
        thread.setName(name);
        thread.start();
        return thread;
    }

    /** Threads for an executor, named {@code name}, then {@code name-2}, ... */
    public ThreadFactory named(String name) {
        AtomicInteger count = new AtomicInteger();
        return work -> {
            Thread thread = threads.newThread(work);
            int number = count.incrementAndGet();
            thread.setName(number == 1 ? name : name + "-" + number);
            return thread;
        };
    }

    /** One thread, named {@code name}, running tasks in the order given. */
    public ExecutorService singleThread(String name) {
        return Executors.newSingleThreadExecutor(named(name));
    }

    /** One thread, named {@code name}, running tasks at their times. */
    public ScheduledExecutorService scheduler(String name) {
        return Executors.newSingleThreadScheduledExecutor(named(name));
    }
}
