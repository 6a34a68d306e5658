package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import io.herald.spi.RetryableBroadcastException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.function.BiConsumer;

/**
 * One connection's queued delivery: a bounded queue drained by a few sender threads, which send single-channel events
 * together through the driver's batches, retry what may succeed later (network, timeouts, 5xx, 429) with exponential
 * backoff and full jitter, and report every event that cannot go exactly once. Delivery is at least once: a request
 * that timed out may have been accepted, and its retry then sends the event again.
 */
final class DeliveryEngine {

    /** One queued event and who waits for it. */
    record Pending(OutboundEvent event, Object payload, CompletableFuture<Void> done, long queuedAt) {
    }

    private final String connection;
    private final BroadcastDriver driver;
    private final DeliverySettings settings;
    private final BiConsumer<Pending, BroadcastException> onFailure;
    private final DeliveryMetrics metrics;
    private final BlockingQueue<Pending> queue;
    private final List<Thread> senders = new ArrayList<>();
    private volatile boolean accepting = true;
    private volatile boolean draining = true;
    private volatile long stopDeadline = Long.MAX_VALUE;

    DeliveryEngine(String connection, BroadcastDriver driver, DeliverySettings settings,
            BiConsumer<Pending, BroadcastException> onFailure, DeliveryMetrics metrics) {
        this.connection = connection;
        this.driver = driver;
        this.settings = settings;
        this.onFailure = onFailure;
        this.metrics = metrics;
        this.queue = new ArrayBlockingQueue<>(settings.queueCapacity());
        metrics.queueDepth(queue::size);
    }

    int depth() {
        return queue.size();
    }

    boolean isFull() {
        return queue.remainingCapacity() == 0;
    }

    boolean isAccepting() {
        return accepting;
    }

    /**
     * Queues an event; the returned stage completes when it was delivered, or exceptionally when it could not be.
     *
     * @throws BroadcastException when the queue stays full for {@code queue-wait-ms}, or the engine is stopping
     */
    CompletableFuture<Void> submit(OutboundEvent event, Object payload) {
        if (!accepting) {
            throw new BroadcastException(connection, event.channels(), event.name(), "the application is stopping", null);
        }
        startSendersOnce();
        Pending pending = new Pending(event, payload, new CompletableFuture<>(), System.nanoTime());
        boolean queued;
        try {
            queued = queue.offer(pending) || queue.offer(pending, settings.queueWait().toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            queued = false;
        }
        if (!queued) {
            throw new BroadcastException(connection, event.channels(), event.name(), "the delivery queue is full ("
                    + settings.queueCapacity() + " events) and stayed full for " + settings.queueWait().toMillis() + " ms",
                    null);
        }
        metrics.queued();
        return pending.done();
    }

    private synchronized void startSendersOnce() {
        if (!senders.isEmpty()) {
            return;
        }
        for (int i = 0; i < settings.senders(); i++) {
            Thread sender = new Thread(this::sendUntilStopped, "herald-sender-" + connection + "-" + i);
            sender.setDaemon(true);
            senders.add(sender);
            sender.start();
        }
    }

    private void sendUntilStopped() {
        try {
            while (draining || !queue.isEmpty()) {
                Pending first = queue.poll(50, TimeUnit.MILLISECONDS);
                if (first != null) {
                    sendWithWhatFollows(first);
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // Events that can share a request go out together; the others, each on its own.
    private void sendWithWhatFollows(Pending first) {
        List<Pending> taken = new ArrayList<>();
        taken.add(first);
        int batchSize = driver.maxBatchSize();
        if (batchSize > 1 && batchable(first)) {
            queue.drainTo(taken, batchSize - 1);
        }
        List<Pending> batch = new ArrayList<>();
        for (Pending pending : taken) {
            if (batchable(pending) && batchSize > 1) {
                batch.add(pending);
            } else {
                deliver(List.of(pending));
            }
        }
        if (!batch.isEmpty()) {
            deliver(batch);
        }
    }

    private static boolean batchable(Pending pending) {
        return pending.event().channels().size() == 1;
    }

    private void deliver(List<Pending> items) {
        long started = items.get(0).queuedAt();
        long deadline = started + settings.retryDeadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            try {
                long sendStarted = System.nanoTime();
                if (items.size() == 1) {
                    driver.send(items.get(0).event());
                } else {
                    driver.sendBatch(items.stream().map(Pending::event).toList());
                }
                metrics.sent(items.size(), System.nanoTime() - sendStarted);
                items.forEach(item -> item.done().complete(null));
                return;
            } catch (RetryableBroadcastException retryable) {
                Duration wait = backoff(attempt, retryable);
                if (attempt >= settings.maxAttempts() || System.nanoTime() + wait.toNanos() > deadline) {
                    failAll(items, retryable, attempt);
                    return;
                }
                metrics.retried(items.size());
                if (!pause(wait)) {
                    failAll(items, retryable, attempt);
                    return;
                }
            } catch (RuntimeException refused) {
                if (items.size() > 1) {
                    // One event may be what the service refuses: send each alone so that the others still go.
                    for (Pending item : items) {
                        deliver(List.of(item));
                    }
                } else {
                    failAll(items, refused, attempt);
                }
                return;
            }
        }
    }

    // Waits out a backoff, unless the application is stopping and its drain time is over; false means give up.
    private boolean pause(Duration wait) {
        long until = System.nanoTime() + wait.toNanos();
        try {
            while (System.nanoTime() < until) {
                if (System.nanoTime() > stopDeadline) {
                    return false;
                }
                TimeUnit.NANOSECONDS.sleep(Math.min(until - System.nanoTime(), TimeUnit.MILLISECONDS.toNanos(20)));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    Duration backoff(int attempt, RetryableBroadcastException failure) {
        if (failure.retryAfter().isPresent()) {
            return failure.retryAfter().get();
        }
        long ceiling = Math.min(settings.maxBackoff().toMillis(),
                settings.initialBackoff().toMillis() * (1L << Math.min(20, attempt - 1)));
        return Duration.ofMillis(ThreadLocalRandom.current().nextLong(ceiling / 2, ceiling + 1));
    }

    private void failAll(List<Pending> items, RuntimeException cause, int attempts) {
        for (Pending item : items) {
            OutboundEvent event = item.event();
            BroadcastException failure = new BroadcastException(connection, event.channels(), event.name(),
                    String.valueOf(cause.getMessage()) + (attempts > 1 ? " (after " + attempts + " attempts)" : ""), cause);
            metrics.failed(1);
            item.done().completeExceptionally(failure);
            onFailure.accept(item, failure);
        }
    }

    /**
     * Stops taking events, lets the senders empty the queue for up to {@code shutdown-timeout-ms}, then reports every
     * event still waiting as not sent.
     */
    void stop() {
        if (!accepting) {
            return;
        }
        accepting = false;
        stopDeadline = System.nanoTime() + settings.shutdownTimeout().toNanos();
        draining = false;
        for (Thread sender : senders) {
            try {
                sender.join(Math.max(1, TimeUnit.NANOSECONDS.toMillis(stopDeadline - System.nanoTime())));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        senders.forEach(Thread::interrupt);
        // An interrupted sender fails what it holds at once, except a request already on the wire: let it finish.
        for (Thread sender : senders) {
            try {
                sender.join(settings.shutdownTimeout().toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        for (Pending pending : left) {
            OutboundEvent event = pending.event();
            BroadcastException failure = new BroadcastException(connection, event.channels(), event.name(),
                    "not sent before the application stopped", null);
            metrics.failed(1);
            pending.done().completeExceptionally(failure);
            onFailure.accept(pending, failure);
        }
    }
}
