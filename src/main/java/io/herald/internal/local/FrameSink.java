package io.herald.internal.local;

import java.util.function.Consumer;

/** Where a connection's frames go: a WebSocket session, or a test's recorder. */
interface FrameSink {

    /** Sends one text frame; {@code done} gets {@code null}, or the failure, once it is written. */
    void send(String frame, Consumer<Throwable> done);

    /** Closes the connection with a WebSocket close code and reason. */
    void close(int code, String reason);
}
