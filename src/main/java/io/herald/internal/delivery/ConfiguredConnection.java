package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.outbox.JdbcOutbox;
import io.herald.internal.protocol.EventLimits;
import io.herald.internal.protocol.UserData;
import io.herald.internal.signing.ChannelSigner;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One configured connection: its driver behind its delivery engine, and the signer for its key and secret when it has
 * them. Both ways to send check Pusher's limits first and then go through the engine.
 *
 * <pre>{@code
 * connection.send(event);                      // one attempt now, or BroadcastException
 * connection.submit(event, fired);             // queued; the stage follows the delivery
 * connection.fired(event, fired);              // fire(): as its DeliveryMode says
 * // with an outbox (broadcast.<c>.outbox=jdbc) all of them store a row, which a relay delivers
 * }</pre>
 */
final class ConfiguredConnection {

    /** A connection's name ({@code broadcast.<name>.*}) and its driver's. */
    record Identity(String name, String driver) {
    }

    private final Identity identity;
    private final BroadcastDriver driver;
    private final Optional<ChannelSigner> signer;
    private final DeliveryEngine engine;
    private final SenderThreads threads;
    private final DeliveryMode mode;
    private final Optional<JdbcOutbox> outbox;

    ConfiguredConnection(Identity identity, BroadcastDriver driver, Optional<ChannelSigner> signer, DeliveryEngine engine,
            SenderThreads threads, DeliveryMode mode, Optional<JdbcOutbox> outbox) {
        if ((mode == DeliveryMode.OUTBOX) != outbox.isPresent()) {
            throw new IllegalArgumentException("an outbox is what mode OUTBOX needs, and only it");
        }
        this.outbox = outbox;
        this.identity = identity;
        this.driver = driver;
        this.signer = signer;
        this.engine = engine;
        this.threads = threads;
        this.mode = mode;
    }

    public String name() {
        return identity.name();
    }

    /** How this connection delivers, chosen when it opened. */
    DeliveryMode mode() {
        return mode;
    }

    /** Events waiting in this connection's queue. */
    public int queueDepth() {
        return engine.depth();
    }

    /** Whether the queue is full, so that callers wait. */
    public boolean queueFull() {
        return engine.isFull();
    }

    /** Whether the queue takes events (false once the application is stopping). */
    public boolean isAccepting() {
        return engine.isAccepting();
    }

    /**
     * Checks the event against Pusher's limits and sends it once, now.
     *
     * @throws BroadcastException for anything that kept the event from being delivered
     */
    public void send(OutboundEvent event) {
        if (mode == DeliveryMode.OUTBOX) {
            outbox.orElseThrow().write(withinLimits(event));
        } else {
            engine.sendNow(withinLimits(event));
        }
    }

    /**
     * Checks the event against Pusher's limits and queues it; the stage completes once it was delivered.
     *
     * @param payload what was fired, for {@link io.herald.BroadcastFailed}
     * @throws BroadcastException at once for an event over a limit, or when the queue stays full
     */
    public CompletableFuture<Void> submit(OutboundEvent event, Object payload) {
        if (mode == DeliveryMode.OUTBOX) {
            outbox.orElseThrow().write(withinLimits(event));
            return CompletableFuture.completedFuture(null);
        }
        return engine.submit(withinLimits(event), payload);
    }

    /**
     * What {@code fire()} does once its transaction committed (at once without one): sends now, or queues, or
     * nothing when the event was stored while the transaction was in progress ({@link #firedInTransaction}).
     *
     * @return the queued delivery's stage, or null when there is none to follow
     * @throws BroadcastException for an event over a limit, or when it could not be sent or queued
     */
    CompletableFuture<Void> fired(OutboundEvent event, Object payload) {
        return switch (mode) {
            case DIRECT -> {
                send(event);
                yield null;
            }
            case QUEUED -> submit(event, payload);
            case OUTBOX -> null;
        };
    }

    /**
     * What {@code fire()} does while its transaction is in progress: an outbox stores the event as a row, so that it
     * commits or rolls back with the transaction; the other modes wait for the commit.
     *
     * @throws BroadcastException when the row could not be stored, or the event is over a limit
     */
    void firedInTransaction(OutboundEvent event) {
        if (mode == DeliveryMode.OUTBOX) {
            send(event);
        }
    }

    Optional<JdbcOutbox> outbox() {
        return outbox;
    }

    private OutboundEvent withinLimits(OutboundEvent event) {
        try {
            EventLimits.check(event);
            return event;
        } catch (IllegalArgumentException e) {
            throw new BroadcastException(name(), event.channels(), event.name(), e.getMessage(), e);
        }
    }

    /**
     * Closes every connection signed in as {@code userId}.
     *
     * @throws BroadcastException when the driver could not
     */
    public void terminateUserConnections(String userId) {
        try {
            driver.terminateUserConnections(userId);
        } catch (BroadcastException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BroadcastException(name(), List.of(UserData.serverToUserChannel(userId)), "terminate_connections",
                    String.valueOf(e.getMessage()), e);
        }
    }

    /** The signer for this connection's key and secret. */
    public ChannelSigner signer() {
        return signer.orElseThrow(() -> HeraldMessages.noCredentials(identity.name(), identity.driver()));
    }

    void close() {
        outbox.ifPresent(JdbcOutbox::close);
        engine.stop();
        threads.close();
        try {
            driver.close();
        } catch (RuntimeException e) {
            HeraldLog.driverCloseFailed(name(), e);
        }
    }

    /** Whether the driver can deliver now (a cluster's link is up); what readiness reports. */
    boolean driverReady() {
        try {
            return driver.isReady();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
