package io.herald.internal.local;

import io.herald.internal.config.AuthSettings;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Clock;

/**
 * Pusher's HTTP API for the {@code local} apps under the JAX-RS application path ({@code apps/<app id>/...}), so that
 * any Pusher server library can publish to them; {@link LocalRestApi} verifies and answers. Application-scoped, with
 * the request's URI passed in: a publish needs no request context of its own.
 */
@Path("apps/{appId}")
@ApplicationScoped
public class LocalApiResource {

    @Inject
    LocalServer server;

    private LocalRestApi api;

    @GET
    @Path("{operation: .+}")
    public Response get(@Context UriInfo uri) {
        return answer(api.serve("GET", path(uri), uri.getRequestUri().getRawQuery(), new byte[0]));
    }

    @POST
    @Path("{operation: .+}")
    public Response post(@Context UriInfo uri, byte[] body) {
        return answer(api.serve("POST", path(uri), uri.getRequestUri().getRawQuery(), body));
    }

    @PostConstruct
    void start() {
        api = new LocalRestApi(server, Clock.systemUTC(), false);
    }

    private static String path(UriInfo uri) {
        return "/" + AuthSettings.trimSlashes(uri.getPath());
    }

    static Response answer(LocalRestApi.Answer answer) {
        Response.ResponseBuilder response = Response.status(answer.status()).type(answer.mediaType())
                .entity(answer.body());
        if (answer.retryAfterSeconds() > 0) {
            response.header("Retry-After", answer.retryAfterSeconds());
        }
        return response.build();
    }
}
