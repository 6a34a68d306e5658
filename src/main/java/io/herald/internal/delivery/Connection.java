package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.signing.ChannelSigner;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

/**
 * One configured connection: its driver, its delivery queue, and the signer for its key and secret when it has them.
 */
public final class Connection {
    private final String name;
    private final String driverName;
    private final BroadcastDriver driver;
    private final Optional<ChannelSigner> signer;
    private final DeliveryEngine engine;
    private final boolean fireThroughQueue;

    Connection(String name, String driverName, BroadcastDriver driver, Optional<ChannelSigner> signer,
            DeliveryEngine engine, boolean fireThroughQueue) {
        this.name = name;
        this.driverName = driverName;
        this.driver = driver;
        this.signer = signer;
        this.engine = engine;
        this.fireThroughQueue = fireThroughQueue;
    }

    /** Whether {@code fire()} goes through the queue too ({@code broadcast.<connection>.async=true}). */
    public boolean firesThroughQueue() {
        return fireThroughQueue;
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
     * Checks the event against Pusher's limits and queues it; the stage completes once it was delivered.
     *
     * @param payload what was fired, for {@link io.herald.BroadcastFailed}
     * @throws BroadcastException at once for an event over a limit, or when the queue stays full
     */
    public CompletableFuture<Void> submit(OutboundEvent event, Object payload) {
        try {
            EventLimits.check(event);
        } catch (RuntimeException e) {
            throw new BroadcastException(name, event.channels(), event.name(), String.valueOf(e.getMessage()), e);
        }
        return engine.submit(event, payload);
    }

    public String name() {
        return name;
    }

    /**
     * Checks the event against Pusher's limits and sends it.
     *
     * @throws BroadcastException for anything that kept the event from being delivered
     */
    public void send(OutboundEvent event) {
        try {
            EventLimits.check(event);
            driver.send(event);
        } catch (BroadcastException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BroadcastException(name, event.channels(), event.name(), String.valueOf(e.getMessage()), e);
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
            throw new BroadcastException(name, List.of(UserData.serverToUserChannel(userId)), "terminate_connections",
                    String.valueOf(e.getMessage()), e);
        }
    }

    /** The signer for this connection's key and secret. */
    public ChannelSigner signer() {
        return signer.orElseThrow(() -> HeraldMessages.noCredentials(name, driverName));
    }

    void close() {
        engine.stop();
        try {
            driver.close();
        } catch (RuntimeException e) {
            HeraldLog.driverCloseFailed(name, e);
        }
    }
}
