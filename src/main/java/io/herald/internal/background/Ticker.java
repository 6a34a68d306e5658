package io.herald.internal.background;

/**
 * The time, in nanoseconds from an arbitrary origin, as background work measures waits and deadlines: passed in, so
 * that a test moves it.
 *
 * <pre>{@code
 * Ticker ticker = Background.system().ticker();   // System.nanoTime
 * }</pre>
 */
@FunctionalInterface
public interface Ticker {
    long nanos();
}
