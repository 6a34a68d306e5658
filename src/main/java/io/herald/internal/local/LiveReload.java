package io.herald.internal.local;

import io.herald.internal.OptionalClasses;
import io.herald.internal.protocol.PusherProtocol;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Quarkus's live reload, where the HTTP server and its WebSocket connections outlive the application they were
 * opened with. A client told to reconnect while the application restarts reaches Quarkus's handshake for the stopped
 * application, which fails without answering (a Quarkus defect, seen in 3.33): pusher-js, which reconnects at once
 * after 4200, then waits its 10 s connection timeout, or stays connected to nothing. So in Quarkus's dev mode a
 * stopping application hands its connections over instead of closing them, and the application that replaces it
 * closes them once it serves their key, with 4100 ("reconnect after a second"), so that they come back to a running
 * application. Elsewhere connections are closed when the application stops (4200).
 *
 * <pre>{@code
 * if (LiveReload.keepsConnections()) {
 *     LiveReload.handOver(key, sockets);      // the stopping application
 * }
 * LiveReload.closeHandedOver(key);            // the application that replaces it, once its app is registered
 * }</pre>
 *
 * <p>The hand-over lives in this class's static state, which survives a reload because Quarkus loads dependency jars
 * once; should a reload ever load it anew, the connections left behind are closed by the first message they send
 * ({@link LocalApp#isShutDown()}).
 */
final class LiveReload {
    private static final Map<String, List<LocalSocket>> HANDED_OVER = new ConcurrentHashMap<>();
    private static final boolean QUARKUS_DEV_MODE = quarkusDevMode();

    private LiveReload() {
    }

    /** Whether a stopping application keeps its connections for the one that replaces it. */
    static boolean keepsConnections() {
        return QUARKUS_DEV_MODE;
    }

    static void handOver(String key, List<LocalSocket> sockets) {
        HANDED_OVER.computeIfAbsent(key, k -> new ArrayList<>()).addAll(sockets);
    }

    /** Closes what a previous application handed over for {@code key}: its clients reconnect to this one. */
    static void closeHandedOver(String key) {
        List<LocalSocket> left = HANDED_OVER.remove(key);
        if (left != null) {
            left.forEach(socket -> socket.closeNow(PusherProtocol.RECONNECT_LATER, "Server restarted; reconnect"));
        }
    }

    // io.quarkus.runtime.LaunchMode.current() == DEVELOPMENT, found without compiling against Quarkus.
    private static boolean quarkusDevMode() {
        return OptionalClasses.find("io.quarkus.runtime.LaunchMode").map(launchMode -> {
            try {
                return "DEVELOPMENT".equals(String.valueOf(launchMode.getMethod("current").invoke(null)));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError unknownVersion) {
                return false;
            }
        }).orElse(false);
    }
}
