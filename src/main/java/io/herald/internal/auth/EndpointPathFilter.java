package io.herald.internal.auth;

import io.herald.internal.config.AuthSettings;
import io.herald.internal.config.ConsoleSettings;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.config.WebhookReceiverSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriBuilder;
import jakarta.ws.rs.ext.Provider;
import java.net.URI;

/**
 * Serves the authorization endpoints at {@code broadcast.auth.path} and {@code broadcast.auth.user-path}, and the
 * webhook endpoint at {@code broadcast.webhooks.path}: JAX-RS
 * paths are fixed at compile time, so a configured path is rewritten onto the resource's own before matching,
 * and the resource's own path answers 404 once another is configured.
 */
@Provider
@PreMatching
@ApplicationScoped
public class EndpointPathFilter implements ContainerRequestFilter {
    private volatile AuthSettings settings;
    private volatile String webhookPath;
    private volatile String consolePath;

    @Override
    public void filter(ContainerRequestContext request) {
        AuthSettings paths = settings();
        String path = AuthSettings.trimSlashes(request.getUriInfo().getPath());
        route(request, path, paths.channelPath(), AuthSettings.DEFAULT_CHANNEL_PATH);
        route(request, path, paths.userPath(), AuthSettings.DEFAULT_USER_PATH);
        route(request, path, webhookPath, WebhookReceiverSettings.DEFAULT_PATH);
        routeTree(request, path, consolePath, ConsoleSettings.DEFAULT_PATH);
    }

    // The same for a resource with sub-resources (the console's page, assets, state and actions).
    private static void routeTree(ContainerRequestContext request, String path, String configured, String own) {
        if (configured.equals(own)) {
            return;
        }
        if (path.equals(configured) || path.startsWith(configured + "/")) {
            URI base = request.getUriInfo().getBaseUri();
            URI rewritten = UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath(base.getPath())
                    .path(own + path.substring(configured.length())).build();
            request.setRequestUri(base, rewritten);
        } else if (path.equals(own) || path.startsWith(own + "/")) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }

    private static void route(ContainerRequestContext request, String path, String configured, String own) {
        if (configured.equals(own)) {
            return;
        }
        if (path.equals(configured)) {
            URI base = request.getUriInfo().getBaseUri();
            URI rewritten = UriBuilder.fromUri(request.getUriInfo().getRequestUri()).replacePath(base.getPath())
                    .path(own).build();
            request.setRequestUri(base, rewritten);
        } else if (path.equals(own)) {
            request.abortWith(Response.status(Response.Status.NOT_FOUND).build());
        }
    }

    private AuthSettings settings() {
        AuthSettings current = settings;
        if (current == null) {
            HeraldSettings herald = HeraldSettings.fromMicroProfileConfig();
            webhookPath = herald.webhooks().path();
            consolePath = herald.console().path();
            current = herald.auth();
            settings = current;
        }
        return current;
    }
}
