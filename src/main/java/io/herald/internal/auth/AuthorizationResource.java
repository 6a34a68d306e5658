package io.herald.internal.auth;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The endpoints pusher-js and pusher-java-client call to subscribe to private and presence channels and to sign in:
 * {@code POST broadcasting/authorize} and {@code POST broadcasting/user-auth}, relative to the application's JAX-RS
 * path, with form fields (what the clients send) or a JSON body. {@link AuthPathFilter} maps configured paths onto
 * these. Bodies are read as text and answers written as JSON text, so no JSON provider is needed in any runtime.
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
    public Response authorize(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Optional<Map<String, String>> fields = fields(contentType, body);
        if (fields.isEmpty()) {
            return respond(unreadable(contentType, "socket_id and channel_name"));
        }
        return respond(authorization.authorizeChannel(fields.get().get("socket_id"), fields.get().get("channel_name"),
                security.getUserPrincipal(), security::isUserInRole));
    }

    @POST
    @Path("user-auth")
    public Response authenticate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        Optional<Map<String, String>> fields = fields(contentType, body);
        if (fields.isEmpty()) {
            return respond(unreadable(contentType, "socket_id"));
        }
        return respond(authorization.authenticateUser(fields.get().get("socket_id"), security.getUserPrincipal()));
    }

    private static AuthAnswer unreadable(String contentType, String expected) {
        return isJson(contentType) || isForm(contentType)
                ? AuthAnswer.badRequest("body must hold " + expected + " as form fields or a JSON object")
                : AuthAnswer.error(415, "send application/x-www-form-urlencoded or application/json");
    }

    private static Response respond(AuthAnswer answer) {
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(answer.json())
                .build();
    }

    /** The body's string fields, or empty when it is neither a form nor a JSON object. */
    static Optional<Map<String, String>> fields(String contentType, String body) {
        String text = body == null ? "" : body;
        if (isForm(contentType)) {
            Map<String, String> fields = new HashMap<>();
            for (String pair : text.split("&")) {
                int equals = pair.indexOf('=');
                if (equals > 0) {
                    fields.putIfAbsent(URLDecoder.decode(pair.substring(0, equals), StandardCharsets.UTF_8),
                            URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
                }
            }
            return Optional.of(fields);
        }
        if (isJson(contentType)) {
            try {
                JsonElement json = JsonParser.parseString(text);
                if (json.isJsonObject()) {
                    Map<String, String> fields = new HashMap<>();
                    json.getAsJsonObject().entrySet().stream()
                            .filter(e -> e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString())
                            .forEach(e -> fields.put(e.getKey(), e.getValue().getAsString()));
                    return Optional.of(fields);
                }
            } catch (RuntimeException e) {
                // answered as unreadable
            }
        }
        return Optional.empty();
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON);
    }
}
