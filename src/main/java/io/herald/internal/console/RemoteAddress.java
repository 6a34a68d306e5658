package io.herald.internal.console;

import io.herald.internal.config.HeraldSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRequestEvent;
import jakarta.servlet.ServletRequestListener;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.Set;

/**
 * The address a request came from, for the console's loopback rule, and the web application's context path, where
 * the {@code local} server's WebSocket endpoint is. JAX-RS has no portable way to ask, so in a
 * servlet container this initializer registers a request listener that keeps it for the request's thread, and only
 * when the rule is on ({@code broadcast.console.enabled} and {@code allow-anonymous-loopback}): otherwise it costs no
 * request anything. Without servlets (Quarkus REST, Helidon) the address is unknown and the rule admits nobody.
 */
public class RemoteAddress implements ServletContainerInitializer, ServletRequestListener {
    private static final ThreadLocal<String> CURRENT = new ThreadLocal<>();
    private static volatile String contextPath = "";

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        contextPath = context.getContextPath();
        var console = HeraldSettings.fromMicroProfileConfig().console();
        if (console.enabled() && console.anonymousLoopback()) {
            context.addListener(RemoteAddress.class);
        }
    }

    @Override
    public void requestInitialized(ServletRequestEvent event) {
        CURRENT.set(event.getServletRequest().getRemoteAddr());
    }

    @Override
    public void requestDestroyed(ServletRequestEvent event) {
        CURRENT.remove();
    }

    /** The web application's context path ({@code ""} at the root, and where no servlet container told it). */
    static String contextPath() {
        return contextPath;
    }

    /** The current request's address, when a servlet container told it. */
    static Optional<InetAddress> current() {
        String address = CURRENT.get();
        if (address == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(InetAddress.getByName(address));   // a literal address: no lookup
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
