package io.herald.internal.local;

import io.herald.internal.config.HeraldSettings;
import jakarta.websocket.Endpoint;
import jakarta.websocket.server.ServerApplicationConfig;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.HashSet;
import java.util.Set;

/**
 * Keeps {@link LocalWebSocketEndpoint} out of applications that have no {@code local} connection, and passes every
 * other scanned endpoint through unchanged (a WebSocket container uses what all such configs return).
 */
public class LocalEndpointConfig implements ServerApplicationConfig {

    @Override
    public Set<ServerEndpointConfig> getEndpointConfigs(Set<Class<? extends Endpoint>> endpointClasses) {
        return Set.of();
    }

    @Override
    public Set<Class<?>> getAnnotatedEndpointClasses(Set<Class<?>> scanned) {
        Set<Class<?>> endpoints = new HashSet<>(scanned);
        if (!HeraldSettings.fromMicroProfileConfig().usesDriver("local")) {
            endpoints.remove(LocalWebSocketEndpoint.class);
        }
        return endpoints;
    }
}
