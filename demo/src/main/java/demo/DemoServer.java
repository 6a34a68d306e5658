package demo;

import io.herald.embed.EmbeddedHerald;
import io.undertow.Undertow;
import io.undertow.server.DefaultByteBufferPool;
import io.undertow.server.handlers.resource.ClassPathResourceManager;
import io.undertow.servlet.Servlets;
import io.undertow.servlet.api.DeploymentInfo;
import io.undertow.servlet.api.ServletContainerInitializerInfo;
import io.undertow.websockets.jsr.WebSocketDeploymentInfo;
import jakarta.servlet.DispatcherType;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.jboss.resteasy.cdi.CdiInjectorFactory;
import org.jboss.resteasy.core.ResteasyDeploymentImpl;
import org.jboss.resteasy.plugins.server.undertow.UndertowJaxrsServer;
import org.jboss.resteasy.spi.ResteasyDeployment;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The demo application in one main: Weld SE (CDI, discovering Herald and the demo through their beans.xml),
 * RESTEasy (JAX-RS under /api), Undertow (HTTP, WebSocket at /app/{key}, the page at /). It listens on the loopback
 * interface only, because its log-in is a stand-in anyone could forge; {@code --public} opens it to the network.
 *
 * <pre>{@code
 * java demo.DemoServer 8080            // http://127.0.0.1:8080/ only
 * java demo.DemoServer 8080 --public   // every interface
 * }</pre>
 */
public final class DemoServer implements AutoCloseable {
    private final WeldContainer weld;
    private final UndertowJaxrsServer server;

    private DemoServer(WeldContainer weld, UndertowJaxrsServer server) {
        this.weld = weld;
        this.server = server;
    }

    /** The address the demo listens on unless told otherwise: this machine only. */
    public static final String LOOPBACK = "127.0.0.1";

    /** Starts the demo on the loopback interface. */
    public static DemoServer start(int port) {
        return start(LOOPBACK, port);
    }

    /** Starts the demo on {@code host} ({@code 0.0.0.0} for every interface). */
    public static DemoServer start(String host, int port) {
        if (DemoServer.class.getClassLoader().getResource("static/js/pusher.min.js") == null) {
            throw new IllegalStateException("pusher-js is not installed: run 'npm ci' at the project root, then rebuild "
                    + "(demo/run does both)");
        }
        WeldContainer weld = new Weld().initialize();
        ServerScan scan = weld.getBeanManager().getExtension(ServerScan.class);

        ResteasyDeployment jaxrs = new ResteasyDeploymentImpl();
        jaxrs.setInjectorFactoryClass(CdiInjectorFactory.class.getName());
        jaxrs.getActualResourceClasses().addAll(scan.resources);
        jaxrs.getActualResourceClasses().addAll(EmbeddedHerald.jaxrsResources());
        jaxrs.getActualProviderClasses().addAll(scan.providers);
        jaxrs.getActualProviderClasses().addAll(EmbeddedHerald.jaxrsProviders());

        UndertowJaxrsServer server = new UndertowJaxrsServer();
        DeploymentInfo app = server.undertowDeployment(jaxrs, "/api")
                .setContextPath("/")
                .setDeploymentName("herald-demo")
                .setClassLoader(DemoServer.class.getClassLoader())
                .setResourceManager(new ClassPathResourceManager(DemoServer.class.getClassLoader(), "static"))
                .addWelcomePage("index.html")
                .addFilter(Servlets.filter("cdi-request", RequestContextFilter.class))
                .addFilterUrlMapping("cdi-request", "/*", DispatcherType.REQUEST)
                .addServletContextAttribute(WebSocketDeploymentInfo.ATTRIBUTE_NAME, webSockets(scan));
        // What a servlet container would run from Herald's jar: closing connections with 4200 at shutdown, the
        // console's loopback rule.
        EmbeddedHerald.servletContainerInitializers().forEach(initializer -> app.addServletContainerInitializer(
                new ServletContainerInitializerInfo(initializer, Set.of())));
        server.deploy(app);
        server.start(Undertow.builder().addHttpListener(port, host));
        return new DemoServer(weld, server);
    }

    // The demo's own endpoints (it has none today) and Herald's.
    private static WebSocketDeploymentInfo webSockets(ServerScan scan) {
        WebSocketDeploymentInfo info = new WebSocketDeploymentInfo().setBuffers(new DefaultByteBufferPool(true, 8192));
        scan.endpoints.forEach(info::addEndpoint);
        EmbeddedHerald.webSocketEndpoints().forEach(info::addEndpoint);
        return info;
    }

    @Override
    public void close() {
        server.stop();
        weld.close();
    }

    public static void main(String[] args) {
        // exec:java passes an unset ${herald.listen} as a null argument
        List<String> arguments = Arrays.stream(args).filter(Objects::nonNull).toList();
        boolean open = arguments.contains("--public");
        int port = arguments.stream().filter(arg -> arg.matches("\\d+")).findFirst().map(Integer::parseInt).orElse(8080);
        DemoServer demo = start(open ? "0.0.0.0" : LOOPBACK, port);
        Runtime.getRuntime().addShutdownHook(new Thread(demo::close));
        if (open) {
            System.out.println("WARNING: the demo listens on every interface, and its log-in is a stand-in that anyone "
                    + "can forge (a cookie demo-user=name:admin). Run it this way only on a network you trust.");
        }
        System.out.println("Herald demo: http://localhost:" + port + "/  (Ctrl+C to stop)");
        System.out.println("Herald console: http://localhost:" + port + "/api/broadcasting/console  (from this "
                + "machine, or as an admin)");
    }
}
