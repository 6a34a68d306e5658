package io.herald.embed;

import io.herald.internal.auth.EndpointPathFilter;
import io.herald.internal.auth.AuthorizationResource;
import io.herald.internal.console.ConsoleResource;
import io.herald.internal.console.RemoteAddress;
import io.herald.internal.hooks.WebhookResource;
import io.herald.internal.local.LocalApiResource;
import io.herald.internal.local.LocalRestRootInitializer;
import io.herald.internal.local.LocalShutdown;
import jakarta.servlet.ServletContainerInitializer;
import io.herald.internal.local.LocalEndpointConfig;
import io.herald.internal.local.LocalWebSocketEndpoint;
import io.herald.internal.request.SocketIdFilter;
import java.util.HashSet;
import java.util.Set;

/**
 * The classes a JAX-RS runtime and a WebSocket container must deploy for Herald, for embedded setups where nothing
 * scans the class path (Weld SE with RESTEasy and Undertow, say). WildFly, Payara and Quarkus find them themselves.
 *
 * <pre>{@code
 * ResteasyDeployment jaxrs = new ResteasyDeploymentImpl();
 * jaxrs.getActualResourceClasses().addAll(EmbeddedHerald.jaxrsResources());
 * jaxrs.getActualProviderClasses().addAll(EmbeddedHerald.jaxrsProviders());
 * EmbeddedHerald.webSocketEndpoints().forEach(webSocketDeploymentInfo::addEndpoint);
 * }</pre>
 *
 * <p>The classes are Herald's internals: call these methods rather than naming them, so that an upgrade that moves or
 * adds one needs no change on your side. Herald's classes are CDI beans as well: let CDI discover the Herald jar (it
 * has a {@code beans.xml}), or add its packages to a container started with discovery off.
 */
public final class EmbeddedHerald {

    private EmbeddedHerald() {
    }

    /**
     * JAX-RS resources: the authorization endpoints, the {@code local} server's REST API, the webhook endpoint and the
     * console.
     *
     * @return the resource classes
     */
    public static Set<Class<?>> jaxrsResources() {
        return Set.of(AuthorizationResource.class, LocalApiResource.class, WebhookResource.class,
                ConsoleResource.class);
    }

    /**
     * JAX-RS providers: the filter that serves the authorization endpoints at configured paths, and the one that reads
     * a request's {@code X-Socket-ID} for broadcasts "to others".
     *
     * @return the provider classes
     */
    public static Set<Class<?>> jaxrsProviders() {
        return Set.of(EndpointPathFilter.class, SocketIdFilter.class);
    }

    /**
     * WebSocket endpoints to deploy: the {@code local} server's {@code /app/{key}} when a connection uses the
     * {@code local} driver, else none (what a container deploys after asking Herald's {@code ServerApplicationConfig}).
     *
     * @return the endpoint classes, empty without a {@code local} connection
     */
    public static Set<Class<?>> webSocketEndpoints() {
        return new LocalEndpointConfig().getAnnotatedEndpointClasses(new HashSet<>(Set.of(LocalWebSocketEndpoint.class)));
    }

    /**
     * Servlet container initializers, which a servlet container finds in Herald's jar on its own: the one that closes
     * {@code local} connections with 4200 when the application stops, and the one that serves Pusher's HTTP API at
     * {@code /apps/...} of the web root for connections that set {@code rest-api-at-root}. An embedded Undertow adds
     * them with {@code DeploymentInfo.addServletContainerInitializer}.
     *
     * @return the initializer classes
     */
    public static Set<Class<? extends ServletContainerInitializer>> servletContainerInitializers() {
        return Set.of(LocalShutdown.class, LocalRestRootInitializer.class, RemoteAddress.class);
    }
}
