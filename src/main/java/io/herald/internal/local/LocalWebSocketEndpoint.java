package io.herald.internal.local;

import io.herald.internal.protocol.PusherProtocol;
import jakarta.websocket.CloseReason;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.SendHandler;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;
import java.io.IOException;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * Pusher's client protocol over Jakarta WebSocket, at {@code /app/{key}}: what pusher-js and pusher-java-client
 * connect to. Deployed only while a {@code local} connection is configured ({@link LocalEndpointConfig}).
 */
@ServerEndpoint(value = "/app/{key}", configurator = LocalHandshake.class)
public class LocalWebSocketEndpoint {
    private static final int MIN_BUFFER = 64 * 1024;

    private LocalApp app;
    private LocalSocket socket;

    @OnOpen
    public void open(Session session, @PathParam("key") String key) throws IOException {
        LocalServer server = LocalServer.current();
        Optional<LocalApp> found = server.byKey(key);
        if (found.isEmpty() && server.starting()) {
            session.getBasicRemote().sendText(Frames.error(PusherProtocol.RECONNECT_LATER,
                    "Application is starting; reconnect in a second"));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(PusherProtocol.RECONNECT_LATER),
                    "Application is starting"));
            return;
        }
        if (found.isEmpty()) {
            session.getBasicRemote().sendText(Frames.error(PusherProtocol.APP_DOES_NOT_EXIST, "Application does not exist"));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(PusherProtocol.APP_DOES_NOT_EXIST),
                    "Application does not exist"));
            return;
        }
        String origin = session.getUserProperties().get(LocalHandshake.ORIGIN) instanceof String given ? given : "";
        if (!found.get().settings().origins().allows(origin)) {
            found.get().refusedOrigin(origin);
            session.getBasicRemote().sendText(Frames.error(PusherProtocol.UNAUTHORIZED, "Origin not allowed"));
            session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(PusherProtocol.UNAUTHORIZED),
                    "Origin not allowed"));
            return;
        }
        app = found.get();
        LocalSettings settings = app.settings();
        session.setMaxIdleTimeout(settings.idleTimeoutSeconds() * 1000L);
        // Messages arrive in parts and LocalApp refuses one as soon as it passes the limit; this bound is for
        // containers that buffer a whole frame before handing over its parts (Tyrus does, up to its own buffer).
        session.setMaxTextMessageBufferSize(Math.max(MIN_BUFFER, settings.maxMessageBytes() * 2));
        socket = app.open(new SessionFrames(session), origin).orElse(null);
    }

    // Parts, not whole messages: a container hands over a whole message only once it has read all of it, which
    // would let any client make the server hold a frame of any size.
    @OnMessage
    public void message(String part, boolean last) {
        if (socket == null) {
            return;
        }
        if (app.isShutDown()) {
            // A connection the container kept across a reload, which no application serves: send it to the new one.
            socket.closeNow(PusherProtocol.RECONNECT_LATER, "Server restarted; reconnect");
            return;
        }
        app.receive(socket, part, last);
    }

    @OnClose
    public void close() {
        if (socket != null) {
            app.closed(socket);
        }
    }

    @OnError
    public void error(Throwable failure) {
        close();
    }

    /** Frames go out through the session's asynchronous remote, one at a time (LocalSocket orders them). */
    private static final class SessionFrames implements FrameSink {
        private final Session session;
        // A connection writes one frame at a time and always tells the same callback: one handler, not one per frame.
        private Consumer<Throwable> handled;
        private SendHandler handler;

        SessionFrames(Session session) {
            this.session = session;
        }

        @Override
        public void send(String frame, Consumer<Throwable> done) {
            if (done != handled) {
                handler = result -> done.accept(result.isOK() ? null : result.getException());
                handled = done;
            }
            try {
                session.getAsyncRemote().sendText(frame, handler);
            } catch (RuntimeException e) {
                done.accept(e);
            }
        }

        @Override
        public void close(int code, String reason) {
            try {
                session.close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code), reason));
            } catch (IOException | RuntimeException e) {
                // already gone
            }
        }
    }
}
