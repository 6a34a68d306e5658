package io.herald.endurance.server;

import jakarta.websocket.OnClose;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The baseline of an endurance run: a bare Jakarta WebSocket endpoint that fans an event out to the sessions of its
 * channel with the same JSON frame Herald writes. Channels are named in the query ({@code /plain?c=room-1,everyone})
 * when the session opens; no protocol, no authorization, no presence.
 */
@ServerEndpoint("/plain")
public class PlainChannelsEndpoint {
    private static final Map<String, Set<Session>> CHANNELS = new ConcurrentHashMap<>();

    @OnOpen
    public void open(Session session) {
        for (String channel : channels(session)) {
            CHANNELS.computeIfAbsent(channel, name -> ConcurrentHashMap.newKeySet()).add(session);
        }
    }

    @OnClose
    public void close(Session session) {
        for (String channel : channels(session)) {
            Set<Session> sessions = CHANNELS.get(channel);
            if (sessions != null) {
                sessions.remove(session);
            }
        }
    }

    /** Writes event {@code E} with {@code data} to every session of {@code channel}, in Herald's frame. */
    public static void publish(String channel, String data) {
        String frame = "{\"event\":\"E\",\"channel\":\"" + channel + "\",\"data\":\"" + data.replace("\"", "\\\"")
                + "\"}";
        for (Session session : CHANNELS.getOrDefault(channel, Set.of())) {
            session.getAsyncRemote().sendText(frame);
        }
    }

    private static List<String> channels(Session session) {
        return session.getRequestParameterMap().getOrDefault("c", List.of()).stream()
                .flatMap(value -> List.of(value.split(",")).stream()).toList();
    }
}
