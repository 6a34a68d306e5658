package io.herald;

import java.util.List;

/**
 * A CDI event fired when a broadcast failed where no caller could be told: a queued event
 * ({@code broadcast.<connection>.async=true}, {@code fireAsync}) given up on, or one sent after the transaction that
 * fired it committed. Observe it to retry, alert or record the loss.
 *
 * <pre>{@code
 * void onFailure(@Observes BroadcastFailed failed) {
 *     outbox.save(failed.event(), failed.channels(), failed.payload());
 * }
 * }</pre>
 *
 * @param connection the connection the event went through
 * @param channels the channels it was meant for
 * @param event the event name
 * @param payload what was fired (the {@link CanBroadcast}, or the data given to {@link Broadcaster})
 * @param cause why it failed
 */
public record BroadcastFailed(String connection, List<String> channels, String event, Object payload,
        BroadcastException cause) {

    /**
     * Copies the channel list.
     *
     * @param connection the connection the event went through
     * @param channels the channels it was meant for
     * @param event the event name
     * @param payload what was fired
     * @param cause why it failed
     */
    public BroadcastFailed {
        channels = List.copyOf(channels);
    }
}
