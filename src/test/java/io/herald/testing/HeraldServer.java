package io.herald.testing;

import io.herald.internal.hooks.ChannelEventPublishers;
import io.herald.embed.EmbeddedHerald;
import io.herald.internal.auth.ChannelAuthorization;
import io.herald.internal.delivery.ConfiguredConnections;
import io.herald.internal.json.PayloadSerializers;
import io.herald.internal.request.RequestSocket;
import io.herald.testkit.RecordedBroadcasts;
import io.herald.internal.drivers.LogDriverFactory;
import io.herald.internal.extension.BroadcastExtension;
import io.herald.internal.pusher.PusherDriverFactory;
import io.herald.internal.local.LocalServer;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfig;
import io.smallrye.config.SmallRyeConfigBuilder;
import io.smallrye.config.SysPropConfigSource;
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
    private final String contextPath;

    private HeraldServer(WeldContainer weld, UndertowJaxrsServer server, int port, String contextPath,
            String applicationPath) {
        this.weld = weld;
        this.server = server;
        this.port = port;
        this.applicationPath = applicationPath;
        this.contextPath = contextPath;
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

    /** {@link #start(Map, Class[])} (JAX-RS under {@code /api}) on a port chosen beforehand. */
    public static HeraldServer underApiOnPort(int port, Map<String, String> config, Class<?>... beanClasses) {
        return start(APPLICATION_PATH, port, config, beanClasses);
    }

    /** {@link #atRoot} on a port chosen beforehand, for configurations that name the server's own port. */
    public static HeraldServer atRootOnPort(int port, Map<String, String> config, Class<?>... beanClasses) {
        return start("", port, config, beanClasses);
    }

    /** Starts Herald in a web application at {@code contextPath} (such as {@code /shop}), JAX-RS under {@code /api}. */
    public static HeraldServer atContextPath(String contextPath, Map<String, String> config, Class<?>... beanClasses) {
        try {
            return start(contextPath, APPLICATION_PATH, freePort(), config, beanClasses);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
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
        return start("", applicationPath, port, config, beanClasses);
    }

    /**
     * {@link #atRootOnPort}, with this process's environment variables and system properties under the entries, as
     * an application reads its configuration: for instances the tests start in JVMs of their own.
     */
    public static HeraldServer atRootOnPortWithEnvironment(int port, Map<String, String> config,
            Class<?>... beanClasses) {
        return start("", "", port, new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(config, "herald-test", 500), new SysPropConfigSource(),
                        new EnvConfigSource(System.getenv(), 300))
                .build(), beanClasses);
    }

    private static HeraldServer start(String contextPath, String applicationPath, int port, Map<String, String> config,
            Class<?>... beanClasses) {
        return start(contextPath, applicationPath, port, new SmallRyeConfigBuilder().addDefaultInterceptors()
                .withSources(new PropertiesConfigSource(config, "herald-test", 500)).build(), beanClasses);
    }

    private static HeraldServer start(String contextPath, String applicationPath, int port, SmallRyeConfig config,
            Class<?>... beanClasses) {
        HeraldTestExtension.useConfig(config);
        WeldContainer weld = new Weld()
                .disableDiscovery()
                .addExtension(new BroadcastExtension())
                .addExtension(new ResteasyCdiExtension())
                .addPackages(ConfiguredConnections.class, PusherDriverFactory.class, LogDriverFactory.class, ChannelAuthorization.class,
                        LocalServer.class, io.herald.internal.console.ConsoleResource.class, PayloadSerializers.class, RequestSocket.class, RecordedBroadcasts.class,
                        ChannelEventPublishers.class)
                .addBeanClasses(beanClasses)
                .initialize();
        try {
            ResteasyDeployment deployment = new ResteasyDeploymentImpl();
            deployment.setInjectorFactoryClass(CdiInjectorFactory.class.getName());
            deployment.getActualResourceClasses().addAll(EmbeddedHerald.jaxrsResources());
            Arrays.stream(beanClasses).filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .forEach(deployment.getActualResourceClasses()::add);
            deployment.getActualProviderClasses().addAll(EmbeddedHerald.jaxrsProviders());
            deployment.getActualProviderClasses().add(TestLogin.class);
            Set<Class<?>> endpoints = Arrays.stream(beanClasses)
                    .filter(type -> type.isAnnotationPresent(jakarta.websocket.server.ServerEndpoint.class))
                    .collect(java.util.stream.Collectors.toSet());
            UndertowJaxrsServer server = new UndertowJaxrsServer();
            DeploymentInfo info = server.undertowDeployment(deployment, applicationPath.isEmpty() ? "/" : applicationPath)
                    .setContextPath(contextPath.isEmpty() ? "/" : contextPath)
                    .setDeploymentName("herald-test")
                    .setClassLoader(HeraldServer.class.getClassLoader())
                    .addFilter(Servlets.filter("cdi-request", RequestContextFilter.class))
                    .addFilterUrlMapping("cdi-request", "/*", DispatcherType.REQUEST)
                    .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets(endpoints));
            EmbeddedHerald.servletContainerInitializers().forEach(initializer -> info.addServletContainerInitializer(
                    new io.undertow.servlet.api.ServletContainerInitializerInfo(initializer, java.util.Set.of())));
            server.deploy(info);
            server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
            return new HeraldServer(weld, server, port, contextPath, applicationPath);
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
        return URI.create("http://127.0.0.1:" + port + contextPath + applicationPath + "/" + path);
    }

    /** {@code ws://127.0.0.1:<port>/app/<key>}. */
    public URI webSocket(String key) {
        return URI.create("ws://127.0.0.1:" + port + contextPath + "/app/" + key + "?protocol=7&client=test&version=1");
    }

    // The application's endpoints and Herald's, as an embedded setup deploys them.
    private static WebSocketDeploymentInfo webSockets(Set<Class<?>> applicationEndpoints) {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo().setBuffers(new DefaultByteBufferPool(true, 8192));
        applicationEndpoints.forEach(info::addEndpoint);
        EmbeddedHerald.webSocketEndpoints().forEach(info::addEndpoint);
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
