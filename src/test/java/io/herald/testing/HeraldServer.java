package io.herald.testing;

import io.herald.internal.auth.AuthPathFilter;
import io.herald.internal.auth.AuthorizationResource;
import io.herald.internal.auth.ChannelAuthorization;
import io.herald.internal.delivery.Connections;
import io.herald.internal.drivers.LogDriverFactory;
import io.herald.internal.extension.BroadcastExtension;
import io.herald.internal.pusher.PusherDriverFactory;
import io.herald.internal.local.LocalApiResource;
import io.herald.internal.local.LocalEndpointConfig;
import io.herald.internal.local.LocalServer;
import io.herald.internal.local.LocalWebSocketEndpoint;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import java.util.Set;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import jakarta.servlet.DispatcherType;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.util.Arrays;
import java.util.Map;
import org.jboss.resteasy.cdi.CdiInjectorFactory;
import org.jboss.resteasy.cdi.ResteasyCdiExtension;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * A real HTTP server in the test JVM, as the runtimes reference records it: Weld SE for CDI, RESTEasy for JAX-RS,
 * Undertow for HTTP. The JAX-RS application lives under {@code /api}; Herald's resource and filter are deployed as a
 * JAX-RS runtime discovers them in an application, with {@link TestLogin} standing in for its authentication.
 */
public final class HeraldServer implements AutoCloseable {
    public static final String APPLICATION_PATH = "/api";

    private final WeldContainer weld;
    private final UndertowJaxrsServer server;
    private final int port;
    private final String applicationPath;

    private HeraldServer(WeldContainer weld, UndertowJaxrsServer server, int port, String applicationPath) {
        this.weld = weld;
        this.server = server;
        this.port = port;
        this.applicationPath = applicationPath;
    }

    /** Starts Herald with exactly this configuration, JAX-RS under {@code /api}; {@code beanClasses} are the app's. */
    public static HeraldServer start(Map<String, String> config, Class<?>... beanClasses) {
        return start(APPLICATION_PATH, config, beanClasses);
    }

    /**
     * Starts Herald with JAX-RS at the root, as a Pusher-compatible server runs: {@code /app/{key}} for WebSockets
     * and {@code /apps/{id}/...} for the REST API, where Pusher's server libraries expect them.
     */
    public static HeraldServer atRoot(Map<String, String> config, Class<?>... beanClasses) {
        return start("", config, beanClasses);
    }

    /** {@link #atRoot} on a port chosen beforehand, for configurations that name the server's own port. */
    public static HeraldServer atRootOnPort(int port, Map<String, String> config, Class<?>... beanClasses) {
        return start("", port, config, beanClasses);
    }

    private static HeraldServer start(String applicationPath, Map<String, String> config, Class<?>... beanClasses) {
        try {
            return start(applicationPath, freePort(), config, beanClasses);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HeraldServer start(String applicationPath, int port, Map<String, String> config,
            Class<?>... beanClasses) {
        HeraldTestExtension.useConfig(config);
        WeldContainer weld = new Weld()
                .disableDiscovery()
                .addExtension(new BroadcastExtension())
                .addExtension(new ResteasyCdiExtension())
                .addPackages(Connections.class, PusherDriverFactory.class, LogDriverFactory.class, ChannelAuthorization.class,
                        LocalServer.class)
                .addBeanClasses(beanClasses)
                .initialize();
        try {
            ResteasyDeployment deployment = new ResteasyDeploymentImpl();
            deployment.setInjectorFactoryClass(CdiInjectorFactory.class.getName());
            deployment.getActualResourceClasses().add(AuthorizationResource.class);
            deployment.getActualResourceClasses().add(LocalApiResource.class);
            Arrays.stream(beanClasses).filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .forEach(deployment.getActualResourceClasses()::add);
            deployment.getActualProviderClasses().add(AuthPathFilter.class);
            deployment.getActualProviderClasses().add(TestLogin.class);
            Set<Class<?>> endpoints = Arrays.stream(beanClasses)
                    .filter(type -> type.isAnnotationPresent(jakarta.websocket.server.ServerEndpoint.class))
                    .collect(java.util.stream.Collectors.toSet());
            UndertowJaxrsServer server = new UndertowJaxrsServer();
            DeploymentInfo info = server.undertowDeployment(deployment, applicationPath.isEmpty() ? "/" : applicationPath)
                    .setContextPath("/")
                    .setDeploymentName("herald-test")
                    .setClassLoader(HeraldServer.class.getClassLoader())
                    .addFilter(Servlets.filter("cdi-request", RequestContextFilter.class))
                    .addFilterUrlMapping("cdi-request", "/*", DispatcherType.REQUEST)
                    .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets(endpoints));
            server.deploy(info);
            server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
            return new HeraldServer(weld, server, port, applicationPath);
        } catch (RuntimeException e) {
            weld.close();
            throw new IllegalStateException(e);
        }
    }

    public int port() {
        return port;
    }

    public WeldContainer container() {
        return weld;
    }

    /** {@code http://127.0.0.1:<port>/<application path>/<path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + applicationPath + "/" + path);
    }

    /** {@code ws://127.0.0.1:<port>/app/<key>}. */
    public URI webSocket(String key) {
        return URI.create("ws://127.0.0.1:" + port + "/app/" + key + "?protocol=7&client=test&version=1");
    }

    // The endpoints a WebSocket container would deploy after asking Herald's ServerApplicationConfig.
    private static WebSocketDeploymentInfo webSockets(Set<Class<?>> applicationEndpoints) {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo().setBuffers(new DefaultByteBufferPool(true, 8192));
        Set<Class<?>> scanned = new java.util.HashSet<>(applicationEndpoints);
        scanned.add(LocalWebSocketEndpoint.class);
        new LocalEndpointConfig().getAnnotatedEndpointClasses(scanned).forEach(info::addEndpoint);
        return info;
    }

    @Override
    public void close() {
        server.stop();
        if (weld.isRunning()) {
            weld.close();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
