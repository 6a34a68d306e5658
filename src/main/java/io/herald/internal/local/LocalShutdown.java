package io.herald.internal.local;

import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletContextEvent;
import jakarta.servlet.ServletContextListener;
import java.util.Set;

/**
 * Closes the {@code local} server's connections with 4200 when a servlet container undeploys the application. The
 * container closes every WebSocket session itself once the application stops, with 1001, and before CDI's
 * {@code Shutdown}; a listener added here is told first (listeners are told in the reverse order of their
 * registration, and an initializer registers after the container's own), so clients get Pusher's "reconnect now".
 * Runtimes without servlets (Quarkus) rely on {@link LocalServer}'s own shutdown.
 */
public final class LocalShutdown implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        context.addListener(new Listener());
    }

    /** Tells the local server that the application stops. */
    public static final class Listener implements ServletContextListener {
        @Override
        public void contextDestroyed(ServletContextEvent event) {
            LocalServer.ifRunning(LocalServer::stop);
        }
    }
}
