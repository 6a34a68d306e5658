package io.herald.internal.local;

import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * One client connection: its socket id, what it subscribed to (and as which presence member), who it signed in
 * as, and an ordered, bounded queue of frames written one at a time, so that a slow client never blocks a
 * broadcast and never grows memory without bound.
 */
final class LocalSocket {
    private final String socketId;
    private final FrameSink outbox;
    private final int maxPendingFrames;
    private final MessageAssembler inbound;
    private final Map<String, Subscription> subscriptions = new ConcurrentHashMap<>(2);
    private final Object subscriptionLock = new Object();
    private final Queue<String> pending = new ConcurrentLinkedQueue<>();
    private final AtomicInteger pendingCount = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();
    private final AtomicBoolean closeRequested = new AtomicBoolean();
    private volatile Thread writer;
    private volatile boolean inSend;
    private volatile boolean completedInSend;
    private volatile String userId;
    private volatile List<String> watchlist = List.of();
    private volatile boolean closing;
    // Set by sendAndClose once its frame is queued: the writer closes when it finds the queue empty.
    private volatile boolean closeWhenWritten;
    private volatile boolean overCapacity;
    private volatile int closeCode;
    private volatile String closeReason;
    private final Consumer<Throwable> whenWritten = this::written;
    private final String origin;
    private long rateWindowStart;
    private int eventsInWindow;

    LocalSocket(String socketId, FrameSink outbox, int maxPendingFrames, int maxMessageBytes) {
        this(socketId, outbox, maxPendingFrames, maxMessageBytes, "");
    }

    /** @param origin the browser page's {@code Origin}, "" when the client sent none */
    LocalSocket(String socketId, FrameSink outbox, int maxPendingFrames, int maxMessageBytes, String origin) {
        this.origin = origin;
        this.socketId = socketId;
        this.outbox = outbox;
        this.maxPendingFrames = maxPendingFrames;
        this.inbound = new MessageAssembler(maxMessageBytes);
    }

    /** The client's message being received; parts of one connection arrive one at a time. */
    MessageAssembler inbound() {
        return inbound;
    }

    String socketId() {
        return socketId;
    }

    /** The browser page's {@code Origin}, "" when the client sent none. */
    String origin() {
        return origin;
    }

    /** The channels subscribed, each with what the connection holds on it. */
    Map<String, Subscription> subscriptions() {
        return subscriptions;
    }

    /**
     * Held while one of the connection's subscriptions changes and the change goes to the fan-out: a subscription
     * completed on the cluster's thread and one ended on the connection's are then sent in the order they happened.
     * Taken before the registry's locks, never under them.
     */
    Object subscriptionLock() {
        return subscriptionLock;
    }

    String userId() {
        return userId;
    }

    void signIn(String id) {
        userId = id;
    }

    /** The users whose coming online and going offline this connection is told about. */
    List<String> watchlist() {
        return watchlist;
    }

    void watch(List<String> userIds) {
        watchlist = List.copyOf(userIds);
    }

    /** Whether one more client event fits in this second's allowance. */
    synchronized boolean allowClientEvent(int perSecond, long nowMillis) {
        if (nowMillis - rateWindowStart >= 1000) {
            rateWindowStart = nowMillis;
            eventsInWindow = 0;
        }
        return ++eventsInWindow <= perSecond;
    }

    /** Queues a frame and writes it; a client that lets {@code maxPendingFrames} pile up is disconnected (4100). */
    void send(String frame) {
        // The common case, a client that keeps up: nothing queued and no write under way, so the frame is written
        // at once, without a queue node (what a plain endpoint's broadcast costs).
        if (!overCapacity && !closing && pending.isEmpty() && writing.compareAndSet(false, true)) {
            if (pending.isEmpty() && !closed.get()) {
                writeLoop(frame);
                return;
            }
            writing.set(false);
        }
        offer(frame);
        flush();
    }

    /**
     * Queues a frame without writing anything, so that it can be called under a lock that orders frames across
     * connections; {@link #flush()} afterwards, outside the lock.
     */
    void offer(String frame) {
        if (closed.get() || closing) {
            return;
        }
        if (pendingCount.incrementAndGet() > maxPendingFrames) {
            overCapacity = true;
            return;
        }
        pending.add(frame);
    }

    /** Writes what {@link #offer} queued, or disconnects a client that fell too far behind (4100, reconnect later). */
    void flush() {
        if (overCapacity) {
            close(4100, "Over capacity: the client reads too slowly");
            return;
        }
        if (!pending.isEmpty() && writing.compareAndSet(false, true)) {
            writeLoop(null);
        }
    }

    /** Sends {@code frame} after what is already queued, then closes: for refusals that end the connection. */
    void sendAndClose(String frame, int code, String reason) {
        // Once: the parts of a message over the limit keep arriving until the connection is closed.
        if (closed.get() || !closeRequested.compareAndSet(false, true)) {
            return;
        }
        closeCode = code;
        closeReason = reason;
        pending.add(frame);
        closing = true;
        closeWhenWritten = true;
        if (writing.compareAndSet(false, true)) {
            writeLoop(null);
        }
    }

    /**
     * Closes at once, dropping what is still queued: for a server that is going away, which must close before the
     * container closes its sessions itself (the close code tells the client what to do; no frame is needed).
     */
    void closeNow(int code, String reason) {
        closing = true;
        pending.clear();
        close(code, reason);
    }

    void close(int code, String reason) {
        if (closed.compareAndSet(false, true)) {
            outbox.close(code, reason);
        }
    }

    // Called by the thread that set 'writing', with a frame to write before the queue (or null). A write that
    // completes inside outbox.send (on this thread) is continued by this loop rather than by recursion, so a long
    // queue cannot overflow the stack.
    private void writeLoop(String first) {
        String next = first;
        while (true) {
            if (next == null) {
                next = pending.poll();
                if (next != null) {
                    pendingCount.decrementAndGet();
                }
            }
            if (next == null && closeWhenWritten) {
                close(closeCode, closeReason);
                return;
            }
            if (next == null) {
                writing.set(false);
                if (pending.isEmpty() && !closeWhenWritten || !writing.compareAndSet(false, true)) {
                    return;
                }
                continue;
            }
            writer = Thread.currentThread();
            completedInSend = false;
            inSend = true;
            outbox.send(next, whenWritten);
            inSend = false;
            next = null;
            if (!completedInSend) {
                return;
            }
        }
    }

    private void written(Throwable failure) {
        if (failure != null) {
            closed.set(true);
            pending.clear();
            return;
        }
        if (inSend && Thread.currentThread() == writer) {
            completedInSend = true;
        } else {
            writeLoop(null);
        }
    }
}
