package io.herald.internal.auth;

import io.herald.internal.protocol.FormBody;
import io.herald.internal.protocol.Json;
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
import java.util.HashMap;
import java.util.Map;
import java.util.function.Function;

/**
 * The endpoints pusher-js and pusher-java-client call to subscribe to private and presence channels and to sign in:
 * {@code POST broadcasting/authorize} and {@code POST broadcasting/user-auth}, relative to the application's JAX-RS
 * path, with form fields (what the clients send) or a JSON body. {@link EndpointPathFilter} maps configured paths onto
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
        return respond(fields(contentType, body, "socket_id and channel_name").map(
                fields -> authorization.authorizeChannel(fields.get("socket_id"), fields.get("channel_name"),
                        security.getUserPrincipal(), security::isUserInRole)));
    }

    @POST
    @Path("user-auth")
    public Response authenticate(@HeaderParam(HttpHeaders.CONTENT_TYPE) String contentType, String body) {
        return respond(fields(contentType, body, "socket_id").map(
                fields -> authorization.authenticateUser(fields.get("socket_id"), security.getUserPrincipal())));
    }

    private static Response respond(AuthAnswer answer) {
        return Response.status(answer.status())
                .type(MediaType.APPLICATION_JSON_TYPE)
                .header("Cache-Control", "no-store")
                .entity(answer.json())
                .build();
    }

    /** The body's fields, or the answer that refuses it: 400 for a malformed form or JSON, 415 for another type. */
    static Fields fields(String contentType, String body, String expected) {
        String text = body == null ? "" : body;
        if (isForm(contentType)) {
            try {
                return new Fields.Read(FormBody.decode(text));
            } catch (FormBody.Malformed e) {
                return new Fields.Refused(AuthAnswer.badRequest("body is not a valid form: " + e.getMessage()));
            }
        }
        if (isJson(contentType)) {
            return Json.parseObject(text).<Fields>map(object -> {
                Map<String, String> fields = new HashMap<>();
                object.entrySet().stream()
                        .filter(e -> e.getValue().isJsonPrimitive() && e.getValue().getAsJsonPrimitive().isString())
                        .forEach(e -> fields.put(e.getKey(), e.getValue().getAsString()));
                return new Fields.Read(fields);
            }).orElseGet(() -> new Fields.Refused(AuthAnswer.badRequest("body must hold " + expected
                    + " in a JSON object")));
        }
        return new Fields.Refused(AuthAnswer.error(415, "send application/x-www-form-urlencoded or application/json"));
    }

    /** A request body's fields, or why it could not be read. */
    sealed interface Fields {

        /** The answer to a readable body, or the refusal. */
        AuthAnswer map(Function<Map<String, String>, AuthAnswer> answer);

        record Read(Map<String, String> fields) implements Fields {
            @Override
            public AuthAnswer map(Function<Map<String, String>, AuthAnswer> answer) {
                return answer.apply(fields);
            }
        }

        record Refused(AuthAnswer refusal) implements Fields {
            @Override
            public AuthAnswer map(Function<Map<String, String>, AuthAnswer> answer) {
                return refusal;
            }
        }
    }

    private static boolean isForm(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_FORM_URLENCODED);
    }

    private static boolean isJson(String contentType) {
        return contentType != null && contentType.toLowerCase().startsWith(MediaType.APPLICATION_JSON);
    }
}
