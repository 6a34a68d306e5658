package io.herald.internal.local;

import io.herald.internal.HeraldLog;
import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * The {@code local} endpoint's handshake: an upgrade whose {@code Origin} no {@code local} app allows is refused
 * before the connection is accepted (the container answers 403), and the origin is kept, per connection, for the app
 * the connection then asks for, which checks it against its own {@code allowed-origins} ({@link OriginPolicy}).
 */
public final class LocalHandshake extends ServerEndpointConfig.Configurator {
    /** The user property under which a connection's {@code Origin} reaches {@code @OnOpen} (absent when none). */
    static final String ORIGIN = "io.herald.origin";

    @Override
    public boolean checkOrigin(String origin) {
        List<LocalApp> apps = LocalServer.current().apps();
        if (apps.isEmpty() || apps.stream().anyMatch(app -> app.settings().origins().allows(origin))) {
            return true;
        }
        apps.forEach(app -> app.refusedOrigin(origin));
        HeraldLog.originRefused(origin);
        return false;
    }

    // WebSocket 2.1 gives each handshake its own copy of the user properties, copied into the session's. Nothing is
    // put there for a client without an Origin, so that those (servers, apps) pay no entry per connection.
    @Override
    public void modifyHandshake(ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
        request.getHeaders().entrySet().stream().filter(header -> header.getKey().equalsIgnoreCase("Origin"))
                .map(java.util.Map.Entry::getValue).filter(values -> !values.isEmpty()).findFirst()
                .ifPresentOrElse(values -> config.getUserProperties().put(ORIGIN, values.get(0)),
                        () -> config.getUserProperties().remove(ORIGIN));   // a container that shares them
    }
}
