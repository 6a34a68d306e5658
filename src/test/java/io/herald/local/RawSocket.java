package io.herald.local;

import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/** A bare WebSocket (the JDK's client) for frames no Pusher client library would send. */
final class RawSocket implements AutoCloseable {
    private final BlockingQueue<String> frames = new LinkedBlockingQueue<>();
    final CompletableFuture<Integer> closedWith = new CompletableFuture<>();
    private final WebSocket socket;
    private volatile String id;

    private RawSocket(URI uri, String origin) throws Exception {
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        socket = builder.buildAsync(uri, new WebSocket.Listener() {
            private final StringBuilder partial = new StringBuilder();

            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                partial.append(data);
                if (last) {
                    frames.add(partial.toString());
                    partial.setLength(0);
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                closedWith.complete(statusCode);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
    }

    static RawSocket open(URI uri) throws Exception {
        return new RawSocket(uri, null);
    }

    /** A client whose handshake carries {@code Origin: origin}, as a browser page's does. */
    static RawSocket open(URI uri, String origin) throws Exception {
        return new RawSocket(uri, origin);
    }

    /** A client of {@code uri} subscribed to public channel {@code channel}: its answer has been read. */
    static RawSocket subscribedTo(URI uri, String channel) throws Exception {
        RawSocket socket = open(uri);
        socket.socketId();
        socket.subscribe(channel);
        socket.next();
        return socket;
    }

    /** Sends {@code pusher:subscribe} for public channel {@code channel}. */
    void subscribe(String channel) {
        send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }

    /** Reads {@code pusher:connection_established} and returns the socket id in it. */
    String socketId() throws InterruptedException {
        String established = next();
        String data = JsonParser.parseString(established).getAsJsonObject().get("data").getAsString();
        id = JsonParser.parseString(data).getAsJsonObject().get("socket_id").getAsString();
        return id;
    }

    /** The socket id read by {@link #socketId()}. */
    String id() {
        return id;
    }

    void send(String frame) {
        socket.sendText(frame, true).join();
    }

    String next() throws InterruptedException {
        String frame = frames.poll(10, TimeUnit.SECONDS);
        if (frame == null) {
            throw new AssertionError("No frame within 10 s");
        }
        return frame;
    }

    /**
     * Pings, and returns the next frame: {@code pusher:pong} when nothing was queued for this connection before the
     * ping, which is how a test shows that something did not arrive without waiting for it not to.
     */
    String nextAfterPing() throws Exception {
        send("{\"event\":\"pusher:ping\"}");
        return next();
    }

    @Override
    public void close() {
        socket.abort();
    }
}
