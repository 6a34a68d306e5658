package io.herald.internal.local;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * The connections that frames were queued for under a channel's lock, written once the lock is released: every
 * subscriber sees a channel's changes in one order, and no socket write happens under a lock.
 *
 * <pre>{@code
 * Recipients told = new Recipients();
 * channels.changeIfPresent(name, channel -> channel.tellOthers(frame, null, told));
 * told.flush();
 * }</pre>
 */
final class Recipients {
    private final Set<LocalSocket> sockets = new LinkedHashSet<>();

    /** Queues {@code frame} for {@code socket}, to be written by {@link #flush}. */
    void offer(LocalSocket socket, String frame) {
        socket.offer(frame);
        sockets.add(socket);
    }

    /** Writes what was queued. */
    void flush() {
        sockets.forEach(LocalSocket::flush);
    }
}
