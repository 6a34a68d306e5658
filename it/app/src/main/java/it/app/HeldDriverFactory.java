package it.app;

import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An application's own driver ({@code broadcast.held.driver=held}) that holds every send until released: how the
 * runtime scenarios make a connection's queue full, to see readiness go DOWN and come back UP.
 */
@ApplicationScoped
public class HeldDriverFactory implements BroadcastDriverFactory {
    private volatile CountDownLatch gate = new CountDownLatch(1);
    private final AtomicInteger holding = new AtomicInteger();

    @Override
    public String name() {
        return "held";
    }

    /** Sends wait from now on. */
    public void hold() {
        gate = new CountDownLatch(1);
    }

    /** Every waiting send goes through, and so do the next ones until {@link #hold()}. */
    public void release() {
        gate.countDown();
    }

    /** Sends waiting for {@link #release()} now. */
    public int holding() {
        return holding.get();
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        return new BroadcastDriver() {
            @Override
            public void send(OutboundEvent event) {
                holding.incrementAndGet();
                try {
                    gate.await(60, TimeUnit.SECONDS);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    holding.decrementAndGet();
                }
            }

            @Override
            public void close() {
                release();
            }
        };
    }
}
