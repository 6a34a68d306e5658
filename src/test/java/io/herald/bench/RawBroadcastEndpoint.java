package io.herald.bench;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline: the plainest Jakarta WebSocket broadcast, one frame written to every open session through its
 * asynchronous remote, with no channels, no subscriptions and no Herald.
 */
@ServerEndpoint("/raw")
public class RawBroadcastEndpoint {
    static final Set<Session> SESSIONS = ConcurrentHashMap.newKeySet();

    @OnOpen
    public void open(Session session) {
        SESSIONS.add(session);
    }

    @OnClose
    public void close(Session session) {
        SESSIONS.remove(session);
    }

    static void broadcast(String frame) {
        for (Session session : SESSIONS) {
            session.getAsyncRemote().sendText(frame);
        }
    }
}
