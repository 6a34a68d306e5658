package io.herald.internal;

/**
 * How a value that came from outside (a header, a form field, an event name) is quoted in a message or a log line:
 * its first 40 characters, so that a hostile client cannot fill the logs through Herald's messages.
 *
 * <pre>{@code
 * Excerpt.of("1.2");                 // 1.2
 * Excerpt.of("x".repeat(100));       // the first 40 x, then ...
 * }</pre>
 */
public final class Excerpt {
    private static final int MAX_CHARACTERS = 40;

    private Excerpt() {
    }

    /** {@code value}, or its first 40 characters followed by {@code ...}. */
    public static String of(String value) {
        return value.length() > MAX_CHARACTERS ? value.substring(0, MAX_CHARACTERS) + "..." : value;
    }
}
