package io.herald.internal.delivery;

import io.herald.internal.outbox.OutboxSettings;
import java.util.Optional;

/**
 * How a connection delivers what {@code fire()} hands it, chosen once when it opens; everything else asks the
 * connection ({@link ConfiguredConnection#fired}, {@link ConfiguredConnection#firedInTransaction}, {@link ConfiguredConnection#send}).
 *
 * <pre>{@code
 * DeliveryMode.of(settings, outbox);   // OUTBOX with outbox=jdbc, else QUEUED with async=true, else DIRECT
 * }</pre>
 */
enum DeliveryMode {
    /** Sends on the caller's thread (after commit inside a transaction): a failure reaches the caller. */
    DIRECT,
    /** Queues for the connection's senders ({@code async=true}): retries, batches, failures as BroadcastFailed. */
    QUEUED,
    /**
     * Stores a row in the transactional outbox ({@code outbox=jdbc}), in the caller's transaction, and a relay
     * delivers it; {@code Broadcaster} and {@code fireAsync()} store rows too.
     */
    OUTBOX;

    static DeliveryMode of(DeliverySettings delivery, Optional<OutboxSettings> outbox) {
        return outbox.isPresent() ? OUTBOX : delivery.fireThroughQueue() ? QUEUED : DIRECT;
    }
}
