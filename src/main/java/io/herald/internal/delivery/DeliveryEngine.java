package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.background.Backoff;
import io.herald.internal.observability.BroadcastTracing;
import io.herald.internal.observability.BroadcastTracing.BroadcastSpan;
import io.herald.internal.observability.DeliveryMetrics;
import io.herald.internal.observability.DeliveryMetrics.Mode;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import io.herald.spi.RetryableBroadcastException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.Lock;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.BooleanSupplier;

/**
 * One connection's delivery, the only way an event reaches its driver. {@link #sendNow} is one attempt on the caller's
 * thread; {@link #submit} queues the event in a bounded queue that sender tasks drain: they send single-channel events
 * together through the driver's batches, retry what may succeed later (network, timeouts, 5xx, 429) with exponential
 * backoff and full jitter, and report every event they give up on exactly once. Delivery through the queue is at least
 * once: a request that timed out may have been accepted, and its retry then sends the event again.
 *
 * <p>One rule orders submitting and stopping: a submit holds the lifecycle's shared lock while it checks that the
 * engine runs, queues the event and starts a sender; {@link #stop()} takes the exclusive lock to stop accepting. So an
 * event is either refused to its caller or queued before the stop begins, and then delivered or reported.
 *
 * <p>Every stage {@link #submit} returns completes, always: normally once its event was delivered, exceptionally once
 * it was given up on. A report that cannot be made (the application's context has ended, an observer's class loader is
 * gone) is logged ({@code HERALD-0223}) and never keeps that stage, or the events handled after it, from completing.
 */
final class DeliveryEngine {

    /**
     * One queued event, who waits for it, and its trace.
     *
     * @param reported whether the engine reports it when it gives up; false when the caller does (the outbox, which
     *                 tries a row again later and reports it only once it gives up itself)
     */
    record Pending(OutboundEvent event, Object payload, CompletableFuture<Void> done, long queuedAt, BroadcastSpan span,
            boolean reported) {
    }

    /** Where an event given up on goes: logged and fired as {@code BroadcastFailed}, once. */
    @FunctionalInterface
    interface Undelivered {
        void report(Pending pending, BroadcastException failure);
    }

    private static final Duration SLICE = Duration.ofMillis(20);

    private final String connection;
    private final String driverName;
    private final BroadcastDriver driver;
    private final DeliverySettings settings;
    private final Undelivered undelivered;
    private final DeliveryMetrics metrics;
    private final BroadcastTracing tracing;
    private final EngineEnvironment environment;
    private final BlockingQueue<Pending> queue;
    private final ReadWriteLock lifecycle = new ReentrantReadWriteLock();
    private final AtomicInteger activeSenders = new AtomicInteger();
    private final AtomicInteger requestsOnTheWire = new AtomicInteger();
    private volatile boolean stopping;
    private volatile long stopDeadline;

    DeliveryEngine(ConfiguredConnection.Identity identity, BroadcastDriver driver, DeliverySettings settings,
            Undelivered undelivered, DeliveryMetrics metrics, BroadcastTracing tracing, EngineEnvironment environment) {
        this.connection = identity.name();
        this.driverName = identity.driver();
        this.driver = driver;
        this.settings = settings;
        this.undelivered = undelivered;
        this.metrics = metrics;
        this.tracing = tracing;
        this.environment = environment;
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
        return !stopping;
    }

    /**
     * Sends an event once, on the caller's thread, counted and traced as every delivery is.
     *
     * @throws BroadcastException naming the connection and the reason when it was not delivered
     */
    void sendNow(OutboundEvent event) {
        BroadcastSpan span = tracing.start(connection, driverName, event);
        long started = environment.ticker().nanos();
        try {
            driver.send(event);
        } catch (RuntimeException e) {
            BroadcastException failure = failure(event, e, 1);
            metrics.failed(Mode.SYNC, 1);
            span.failed(failure.reason());
            throw failure;
        }
        metrics.sent(Mode.SYNC, 1, environment.ticker().nanos() - started);
        span.delivered();
    }

    /**
     * Queues an event; the returned stage completes once it was delivered, or exceptionally once it could not be.
     *
     * @param payload what was fired, for the failure report
     * @throws BroadcastException when the queue stays full for {@code queue-wait-ms}, or the application is stopping
     */
    CompletableFuture<Void> submit(OutboundEvent event, Object payload) {
        return submit(event, payload, true);
    }

    /**
     * Queues an event whose failure the caller reports itself: the stage fails with a {@link BroadcastException}
     * whose cause is a {@link RetryableBroadcastException} when trying later may succeed (network, 5xx, 429, or the
     * application stopped before it was sent).
     *
     * @throws BroadcastException when the queue stays full for {@code queue-wait-ms}, or the application is stopping
     */
    CompletableFuture<Void> submitUnreported(OutboundEvent event) {
        return submit(event, null, false);
    }

    private CompletableFuture<Void> submit(OutboundEvent event, Object payload, boolean reported) {
        Lock shared = lifecycle.readLock();
        shared.lock();
        try {
            if (stopping) {
                throw refused(event, "the application is stopping");
            }
            Pending pending = new Pending(event, payload, new CompletableFuture<>(), environment.ticker().nanos(),
                    tracing.start(connection, driverName, event), reported);
            if (!offer(pending)) {
                pending.span().failed("queue full");
                throw refused(event, "the delivery queue is full (" + settings.queueCapacity()
                        + " events) and stayed full for " + settings.queueWait().toMillis() + " ms");
            }
            metrics.queued();
            startSender();
            return pending.done();
        } finally {
            shared.unlock();
        }
    }

    private boolean offer(Pending pending) {
        try {
            return queue.offer(pending) || queue.offer(pending, settings.queueWait().toNanos(), TimeUnit.NANOSECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private BroadcastException refused(OutboundEvent event, String reason) {
        return new BroadcastException(connection, event.channels(), event.name(), reason, null);
    }

    // At most 'senders' tasks drain the queue at once; a task ends when it finds the queue empty.
    private void startSender() {
        if (claimSender()) {
            try {
                environment.senders().execute(this::drain);
            } catch (RejectedExecutionException e) {
                activeSenders.decrementAndGet();
            }
        }
    }

    private boolean claimSender() {
        while (true) {
            int active = activeSenders.get();
            if (active >= settings.senders()) {
                return false;
            }
            if (activeSenders.compareAndSet(active, active + 1)) {
                return true;
            }
        }
    }

    private void drain() {
        boolean claimed = true;
        try {
            while (true) {
                Pending first = queue.poll();
                if (first != null) {
                    sendWithWhatFollows(first);
                    continue;
                }
                activeSenders.decrementAndGet();
                claimed = false;
                // An event queued after the poll may have found every sender busy: take it over.
                if (queue.isEmpty() || !claimSender()) {
                    return;
                }
                claimed = true;
            }
        } finally {
            if (claimed) {
                activeSenders.decrementAndGet();
            }
        }
    }

    // Events that can share a request go out together; the others, each on its own. Whatever goes wrong on the way,
    // every event taken here leaves it delivered or reported.
    private void sendWithWhatFollows(Pending first) {
        List<Pending> taken = new ArrayList<>();
        taken.add(first);
        try {
            int batchSize = driver.maxBatchSize();
            if (batchSize > 1 && batchable(first)) {
                queue.drainTo(taken, batchSize - 1);
            }
            sendTaken(taken, batchSize);
        } catch (RuntimeException | LinkageError unexpected) {
            taken.stream().filter(pending -> !pending.done().isDone())
                    .forEach(pending -> report(pending, failure(pending.event(), unexpected(unexpected), 1)));
        }
    }

    private static RuntimeException unexpected(Throwable failure) {
        return failure instanceof RuntimeException runtime ? runtime
                : new IllegalStateException(failure.toString(), failure);
    }

    private void sendTaken(List<Pending> taken, int batchSize) {
        if (stopping && environment.ticker().nanos() >= stopDeadline) {
            taken.forEach(this::notSentBeforeStop);
            return;
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
        long deadline = items.get(0).queuedAt() + settings.retryDeadline().toNanos();
        for (int attempt = 1; ; attempt++) {
            long started = environment.ticker().nanos();
            RuntimeException failure = request(items);
            if (failure == null) {
                for (Pending item : items) {
                    item.done().complete(null);
                }
                metrics.sent(Mode.QUEUED, items.size(), environment.ticker().nanos() - started);
                items.forEach(item -> item.span().delivered());
                return;
            }
            if (!(failure instanceof RetryableBroadcastException retryable)) {
                if (items.size() > 1) {
                    // One event may be what the service refuses: send each alone so that the others still go.
                    items.forEach(item -> deliver(List.of(item)));
                } else {
                    giveUp(items, failure, attempt);
                }
                return;
            }
            Duration wait = backoff(attempt, retryable);
            if (attempt >= settings.maxAttempts() || environment.ticker().nanos() + wait.toNanos() > deadline
                    || !pause(wait)) {
                giveUp(items, retryable, attempt);
                return;
            }
            metrics.retried(items.size());
            int next = attempt + 1;
            items.forEach(item -> item.span().retrying(next, reasonOf(retryable)));
        }
    }

    // One request; null when it was accepted. Counted while on the wire, so that stopping lets it finish.
    private RuntimeException request(List<Pending> items) {
        requestsOnTheWire.incrementAndGet();
        try {
            if (items.size() == 1) {
                driver.send(items.get(0).event());
            } else {
                driver.sendBatch(items.stream().map(Pending::event).toList());
            }
            return null;
        } catch (RuntimeException failure) {
            return failure;
        } finally {
            requestsOnTheWire.decrementAndGet();
        }
    }

    // Waits out a backoff in slices, giving up when the application stops before it is over.
    private boolean pause(Duration wait) {
        long until = environment.ticker().nanos() + wait.toNanos();
        try {
            for (long now = environment.ticker().nanos(); now < until; now = environment.ticker().nanos()) {
                if (stopping && until > stopDeadline) {
                    return false;
                }
                environment.sleeper().sleep(Duration.ofNanos(Math.min(until - now, SLICE.toNanos())));
            }
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The wait before try {@code attempt + 1}: Herald's one {@link Backoff} policy. */
    Duration backoff(int attempt, RetryableBroadcastException failure) {
        return settings.backoff().delay(attempt, failure.retryAfter(), environment.jitter());
    }

    private void giveUp(List<Pending> items, RuntimeException cause, int attempts) {
        for (Pending item : items) {
            report(item, failure(item.event(), cause, attempts));
        }
    }

    // Retryable as its cause says: an outbox sends the row again once an instance runs.
    private void notSentBeforeStop(Pending pending) {
        String reason = "not sent before the application stopped";
        OutboundEvent event = pending.event();
        report(pending, new BroadcastException(connection, event.channels(), event.name(), reason,
                new RetryableBroadcastException(connection, event.channels(), event.name(), reason, null,
                        Optional.empty())));
    }

    // Reported before the stage fails, so that whoever waits on the stage finds the report made; the stage fails even
    // when the report cannot be made, which is logged instead.
    private void report(Pending pending, BroadcastException failure) {
        try {
            metrics.failed(Mode.QUEUED, 1);
            pending.span().failed(failure.reason());
            if (pending.reported()) {
                undelivered.report(pending, failure);
            }
        } catch (RuntimeException | LinkageError reportFailed) {
            HeraldLog.failureNotReported(failure.getMessage(), reportFailed);
        } finally {
            pending.done().completeExceptionally(failure);
        }
    }

    // The reason is given once, whatever exception carried it (a driver's BroadcastException names it already).
    private BroadcastException failure(OutboundEvent event, RuntimeException cause, int attempts) {
        String reason = reasonOf(cause) + (attempts > 1 ? " (after " + attempts + " attempts)" : "");
        return new BroadcastException(connection, event.channels(), event.name(), reason, cause);
    }

    private static String reasonOf(RuntimeException cause) {
        return cause instanceof BroadcastException known ? known.reason() : String.valueOf(cause.getMessage());
    }

    /**
     * Stops accepting events, lets the senders empty the queue for up to {@code shutdown-timeout-ms}, then reports
     * every event still waiting as not sent. Events a sender holds when the time is up are reported by that sender.
     */
    void stop() {
        Lock exclusive = lifecycle.writeLock();
        exclusive.lock();
        try {
            if (stopping) {
                return;
            }
            stopDeadline = environment.ticker().nanos() + settings.shutdownTimeout().toNanos();
            stopping = true;
        } finally {
            exclusive.unlock();
        }
        awaitWhile(() -> !queue.isEmpty() || activeSenders.get() > 0, stopDeadline);
        List<Pending> left = new ArrayList<>();
        queue.drainTo(left);
        left.forEach(this::notSentBeforeStop);
        // A request already on the wire is let finish (its sender reports or completes it) before the driver closes.
        awaitWhile(() -> requestsOnTheWire.get() > 0, stopDeadline + settings.shutdownTimeout().toNanos());
    }

    private void awaitWhile(BooleanSupplier busy, long until) {
        try {
            for (long now = environment.ticker().nanos(); busy.getAsBoolean() && now < until;
                    now = environment.ticker().nanos()) {
                environment.sleeper().sleep(Duration.ofNanos(Math.min(until - now, SLICE.toNanos())));
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
