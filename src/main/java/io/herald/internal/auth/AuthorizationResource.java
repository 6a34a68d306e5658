package io.herald.internal.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Optional;

/**
 * The endpoints pusher-js and pusher-java-client call to subscribe to private and presence channels and to sign in:
 * {@code POST broadcasting/authorize} and {@code POST broadcasting/user-auth}, relative to the application's JAX-RS
 * path, with form fields or a JSON body. {@link AuthPathFilter} maps configured paths onto these.
 */
@Path("broadcasting")
@RequestScoped
public class AuthorizationResource {

    @Inject
    ChannelAuthorization authorization;

    @Context
    SecurityContext security;

    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorizeForm(@FormParam("socket_id") String socketId, @FormParam("channel_name") String channel) {
        return respond(authorization.authorizeChannel(socketId, channel, security.getUserPrincipal(),
                security::isUserInRole));
    }

    @POST
    @Path("authorize")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response authorizeJson(String body) {
        Optional<JsonObject> fields = parse(body);
        if (fields.isEmpty()) {
            return respond(AuthAnswer.badRequest("body must be a JSON object with socket_id and channel_name"));
        }
        return authorizeForm(text(fields.get(), "socket_id"), text(fields.get(), "channel_name"));
    }

    @POST
    @Path("user-auth")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.APPLICATION_JSON)
    public Response authenticateForm(@FormParam("socket_id") String socketId) {
        return respond(authorization.authenticateUser(socketId, security.getUserPrincipal()));
    }

    @POST
    @Path("user-auth")
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    public Response authenticateJson(String body) {
        Optional<JsonObject> fields = parse(body);
        if (fields.isEmpty()) {
            return respond(AuthAnswer.badRequest("body must be a JSON object with socket_id"));
        }
        return authenticateForm(text(fields.get(), "socket_id"));
    }

    private static Response respond(AuthAnswer answer) {
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(answer.json())
                .build();
    }

    private static Optional<JsonObject> parse(String body) {
        try {
            JsonElement json = JsonParser.parseString(body == null ? "" : body);
            return json.isJsonObject() ? Optional.of(json.getAsJsonObject()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static String text(JsonObject fields, String name) {
        JsonElement value = fields.get(name);
        return value != null && value.isJsonPrimitive() && value.getAsJsonPrimitive().isString() ? value.getAsString() : null;
    }
}
