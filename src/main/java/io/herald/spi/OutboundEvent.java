package io.herald.spi;

import java.util.List;
import java.util.Objects;

/**
 * One event as a driver sends it: validated channel names, the event name and the serialised payload.
 *
 * <pre>{@code
 * new OutboundEvent(List.of("releases"), "NewRelease", "{\"version\":\"4.0.0\"}", null);
 * }</pre>
 *
 * @param channels full channel names, already validated; at least one
 * @param name the event name
 * @param data the payload exactly as subscribers receive it (usually JSON text)
 * @param socketId a socket to leave out of delivery, or {@code null}
 */
public record OutboundEvent(List<String> channels, String name, String data, String socketId) {

    /**
     * Copies the channels and requires every field but {@code socketId}.
     *
     * @param channels full channel names; at least one
     * @param name the event name
     * @param data the payload as subscribers receive it
     * @param socketId a socket to leave out, or {@code null}
     */
    public OutboundEvent {
        channels = List.copyOf(channels);
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(data, "data");
        if (channels.isEmpty()) {
            throw new IllegalArgumentException("An event needs at least one channel");
        }
    }

    /**
     * The same event on other channels.
     *
     * @param otherChannels the channels instead
     * @return the event on those channels
     */
    public OutboundEvent withChannels(List<String> otherChannels) {
        return new OutboundEvent(otherChannels, name, data, socketId);
    }
}
