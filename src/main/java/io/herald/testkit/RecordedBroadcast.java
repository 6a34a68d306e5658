package io.herald.testkit;

import java.util.List;

/**
 * One event as the {@code memory} driver received it: what would have gone out.
 *
 * <pre>{@code
 * RecordedBroadcast sent = broadcasts.all().get(0);
 * sent.event();      // "NewRelease"
 * sent.json();       // {"version":"4.0.0"}
 * }</pre>
 *
 * @param connection the connection it went through ({@code broadcast.<connection>.*})
 * @param channels the channels, prefixes included
 * @param event the event name
 * @param json the payload exactly as subscribers would receive it
 * @param excludedSocket the socket left out ("to others"), or {@code null}
 */
public record RecordedBroadcast(String connection, List<String> channels, String event, String json,
        String excludedSocket) {

    /**
     * Copies the channel list.
     *
     * @param connection the connection it went through
     * @param channels the channels, prefixes included
     * @param event the event name
     * @param json the payload
     * @param excludedSocket the socket left out, or {@code null}
     */
    public RecordedBroadcast {
        channels = List.copyOf(channels);
    }
}
