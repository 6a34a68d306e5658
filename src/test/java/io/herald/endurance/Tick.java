package io.herald.endurance;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One published event's data: its sequence number on its channel and when it was published ({@link System#nanoTime},
 * one monotonic clock for every process on Linux), so that each subscriber counts what it lost, received twice or
 * out of order, and the delay.
 *
 * <pre>{@code
 * String data = new Tick(12, System.nanoTime()).json();   // {"s":12,"t":...}
 * }</pre>
 */
record Tick(long seq, long publishedAt) {
    private static final Pattern FIELDS = Pattern.compile("\\\\?\"s\\\\?\":(\\d+),\\\\?\"t\\\\?\":(\\d+)");

    String json() {
        return "{\"s\":" + seq + ",\"t\":" + publishedAt + "}";
    }

    /** The tick inside a frame, whether its data is a JSON string (Pusher's wire) or an object. */
    static Tick find(String frame) {
        Matcher matcher = FIELDS.matcher(frame);
        if (!matcher.find()) {
            throw new IllegalArgumentException("No tick in " + frame);
        }
        return new Tick(Long.parseLong(matcher.group(1)), Long.parseLong(matcher.group(2)));
    }
}
