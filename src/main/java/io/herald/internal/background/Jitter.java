package io.herald.internal.background;

/**
 * Chance, for spreading retries: a value between {@code min} and {@code max}, both included.
 *
 * <pre>{@code
 * Jitter longest = (min, max) -> max;   // a test's: always the longest wait
 * }</pre>
 */
@FunctionalInterface
public interface Jitter {
    long between(long min, long max);
}
