package demo;

import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import jakarta.enterprise.inject.spi.WithAnnotations;
import jakarta.websocket.server.ServerEndpoint;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.ext.Provider;
import java.util.LinkedHashSet;
import java.util.Set;

/**
 * What a Jakarta EE server's scanning would find of the demo's own classes, found here through CDI discovery:
 * JAX-RS resources and providers, WebSocket endpoints. Herald's come from {@code EmbeddedHerald}.
 */
public class ServerScan implements Extension {
    final Set<Class<?>> resources = new LinkedHashSet<>();
    final Set<Class<?>> providers = new LinkedHashSet<>();
    final Set<Class<?>> endpoints = new LinkedHashSet<>();

    <T> void jaxrsAndWebSockets(@Observes @WithAnnotations({Path.class, Provider.class, ServerEndpoint.class})
            ProcessAnnotatedType<T> type) {
        Class<T> found = type.getAnnotatedType().getJavaClass();
        if (found.getPackageName().startsWith("io.herald")) {
            return;
        }
        if (found.isAnnotationPresent(Path.class)) {
            resources.add(found);
        }
        if (found.isAnnotationPresent(Provider.class)) {
            providers.add(found);
        }
        if (found.isAnnotationPresent(ServerEndpoint.class)) {
            endpoints.add(found);
        }
    }
}
