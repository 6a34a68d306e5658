package io.herald.internal.local;

import io.herald.internal.HeraldMessages;
import io.herald.internal.background.Background;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.observability.LocalServerMetrics;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.interceptor.Interceptor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/** The apps of the application's {@code local} connections, found by key (WebSocket) or app id (REST). */
@ApplicationScoped
public class LocalServer {
    private final Map<String, LocalApp> byKey = new ConcurrentHashMap<>();
    private volatile boolean serving;

    /** The bean, for the WebSocket endpoint, which the container creates outside CDI in some runtimes. */
    static LocalServer current() {
        return CDI.current().select(LocalServer.class).get();
    }

    /** Runs {@code action} on the bean if CDI is up and the bean exists, else does nothing. */
    static void ifRunning(Consumer<LocalServer> action) {
        try {
            var servers = CDI.current().select(LocalServer.class);
            if (servers.isResolvable()) {
                action.accept(servers.get());
            }
        } catch (RuntimeException noCdiHere) {
            // nothing to close
        }
    }

    // After the connections opened (at Startup, default priority). Some runtimes (Helidon) take requests before their
    // CDI container's Startup has been fired: a client that comes then is told to come back, not that its app is unknown.
    void serving(@Observes @Priority(Interceptor.Priority.LIBRARY_AFTER + 900) Startup startup) {
        serving = true;
    }

    /** Whether the application's connections are still being opened, so that an unknown key may yet be known. */
    boolean starting() {
        return !serving;
    }

    LocalApp register(LocalSettings settings, LocalServerMetrics metrics, ClusterSettings cluster, ChannelFacts facts,
            Background background, PublicSubscriptions publicSubscriptions) {
        if (byKey.containsKey(settings.key())) {
            throw HeraldMessages.duplicateLocalKey(settings.key());
        }
        LocalApp app = new LocalApp(settings, metrics, facts, cluster.scaling() == ClusterSettings.Scaling.REDIS
                ? Optional.of(cluster) : Optional.empty(), background, publicSubscriptions);
        if (byKey.putIfAbsent(settings.key(), app) != null) {
            app.shutdown();
            throw HeraldMessages.duplicateLocalKey(settings.key());
        }
        LiveReload.closeHandedOver(settings.key());
        return app;
    }

    /**
     * Forgets the app and closes its connections (4200: reconnect now), or, in a live reload, hands them over to the
     * application that replaces this one ({@link LiveReload}).
     */
    void unregister(LocalApp app) {
        if (!byKey.remove(app.settings().key(), app)) {
            return;
        }
        if (LiveReload.keepsConnections()) {
            LiveReload.handOver(app.settings().key(), app.shutdownKeepingConnections());
        } else {
            app.shutdown();
        }
    }

    Optional<LocalApp> byKey(String key) {
        return Optional.ofNullable(key).map(byKey::get);
    }

    /** Every app served. */
    List<LocalApp> apps() {
        return List.copyOf(byKey.values());
    }

    Optional<LocalApp> byAppId(String appId) {
        return byKey.values().stream().filter(app -> app.settings().appId().equals(appId)).findFirst();
    }

    @PreDestroy
    void stop() {
        List.copyOf(byKey.values()).forEach(this::unregister);
    }
}
