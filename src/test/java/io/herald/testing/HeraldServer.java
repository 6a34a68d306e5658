package io.herald.testing;

import io.herald.internal.auth.AuthPathFilter;
import io.herald.internal.auth.AuthorizationResource;
import io.herald.internal.auth.ChannelAuthorization;
import io.herald.internal.delivery.Connections;
import io.herald.internal.drivers.LogDriverFactory;
import io.herald.internal.extension.BroadcastExtension;
import io.herald.internal.pusher.PusherDriverFactory;
import io.undertow.Undertow;
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

    private HeraldServer(WeldContainer weld, UndertowJaxrsServer server, int port) {
        this.weld = weld;
        this.server = server;
        this.port = port;
    }

    /** Starts Herald with exactly this configuration; {@code beanClasses} are the application's beans. */
    public static HeraldServer start(Map<String, String> config, Class<?>... beanClasses) {
        HeraldTestExtension.useConfig(config);
        WeldContainer weld = new Weld()
                .disableDiscovery()
                .addExtension(new BroadcastExtension())
                .addExtension(new ResteasyCdiExtension())
                .addPackages(Connections.class, PusherDriverFactory.class, LogDriverFactory.class, ChannelAuthorization.class)
                .addBeanClasses(beanClasses)
                .initialize();
        try {
            ResteasyDeployment deployment = new ResteasyDeploymentImpl();
            deployment.setInjectorFactoryClass(CdiInjectorFactory.class.getName());
            deployment.getActualResourceClasses().add(AuthorizationResource.class);
            Arrays.stream(beanClasses).filter(type -> type.isAnnotationPresent(jakarta.ws.rs.Path.class))
                    .forEach(deployment.getActualResourceClasses()::add);
            deployment.getActualProviderClasses().add(AuthPathFilter.class);
            deployment.getActualProviderClasses().add(TestLogin.class);
            UndertowJaxrsServer server = new UndertowJaxrsServer();
            DeploymentInfo info = server.undertowDeployment(deployment, APPLICATION_PATH)
                    .setContextPath("/")
                    .setDeploymentName("herald-test")
                    .setClassLoader(HeraldServer.class.getClassLoader())
                    .addFilter(Servlets.filter("cdi-request", RequestContextFilter.class))
                    .addFilterUrlMapping("cdi-request", "/*", DispatcherType.REQUEST);
            server.deploy(info);
            int port = freePort();
            server.start(Undertow.builder().addHttpListener(port, "127.0.0.1"));
            return new HeraldServer(weld, server, port);
        } catch (RuntimeException | IOException e) {
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

    /** {@code http://127.0.0.1:<port>/api/<path>}. */
    public URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + APPLICATION_PATH + "/" + path);
    }

    @Override
    public void close() {
        server.stop();
        weld.close();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
