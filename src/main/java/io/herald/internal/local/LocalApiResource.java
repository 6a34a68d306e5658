package io.herald.internal.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.herald.ChannelType;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterUnavailable;
import io.herald.internal.config.AuthSettings;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.FormBody;
import io.herald.internal.signing.RequestVerifier;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pusher's HTTP API for the {@code local} apps, so that any Pusher server library can publish to them: every request
 * is verified as Pusher verifies it (401 otherwise), and an app id that no {@code local} connection serves is 404.
 */
@Path("apps/{appId}")
@RequestScoped
public class LocalApiResource {

    @Inject
    LocalServer server;

    @Context
    UriInfo uri;

    @POST
    @Path("events")
    public Response events(@PathParam("appId") String appId, byte[] body) {
        return verified(appId, "POST", body, (app, query) -> {
            OutboundEvent event = RestEvents.event(body);
            app.metrics().published(LocalServerMetrics.Source.REST_API);
            app.publish(event);
            return ok(new JsonObject());
        });
    }

    @POST
    @Path("batch_events")
    public Response batchEvents(@PathParam("appId") String appId, byte[] body) {
        return verified(appId, "POST", body, (app, query) -> {
            List<OutboundEvent> batch = RestEvents.batch(body);
            for (OutboundEvent event : batch) {
                app.metrics().published(LocalServerMetrics.Source.REST_API);
                app.publish(event);
            }
            return ok(new JsonObject());
        });
    }

    @GET
    @Path("channels")
    public Response channels(@PathParam("appId") String appId) {
        return verified(appId, "GET", new byte[0], (app, query) -> {
            String prefix = query.get("filter_by_prefix").orElse(null);
            Set<String> info = infoAttributes(query);
            if (info.contains("user_count") && (prefix == null || !prefix.startsWith(ChannelType.PRESENCE.prefix()))) {
                throw new RestEvents.Refused(400, "info=user_count needs filter_by_prefix=presence-");
            }
            JsonObject channels = new JsonObject();
            for (ChannelSummary summary : app.occupied(prefix)) {
                JsonObject attributes = new JsonObject();
                if (info.contains("user_count")) {
                    attributes.addProperty("user_count", summary.userCount());
                }
                if (info.contains("subscription_count")) {
                    attributes.addProperty("subscription_count", summary.subscriptionCount());
                }
                channels.add(summary.name(), attributes);
            }
            JsonObject answer = new JsonObject();
            answer.add("channels", channels);
            return ok(answer);
        });
    }

    @GET
    @Path("channels/{channel}")
    public Response channel(@PathParam("appId") String appId, @PathParam("channel") String channel) {
        return verified(appId, "GET", new byte[0], (app, query) -> {
            boolean presence = ChannelType.of(channel) == ChannelType.PRESENCE;
            Set<String> info = infoAttributes(query);
            if (info.contains("user_count") && !presence || info.contains("subscription_count") && presence) {
                throw new RestEvents.Refused(400, "info " + info + " does not apply to '" + channel + "'");
            }
            Optional<ChannelSummary> occupied = app.channel(channel);
            JsonObject answer = new JsonObject();
            answer.addProperty("occupied", occupied.isPresent());
            if (info.contains("user_count")) {
                answer.addProperty("user_count", occupied.map(ChannelSummary::userCount).orElse(0));
            }
            if (info.contains("subscription_count")) {
                answer.addProperty("subscription_count", occupied.map(ChannelSummary::subscriptionCount).orElse(0));
            }
            return ok(answer);
        });
    }

    @GET
    @Path("channels/{channel}/users")
    public Response users(@PathParam("appId") String appId, @PathParam("channel") String channel) {
        return verified(appId, "GET", new byte[0], (app, query) -> {
            if (ChannelType.of(channel) != ChannelType.PRESENCE) {
                throw new RestEvents.Refused(400, "Only presence channels have users");
            }
            JsonArray users = new JsonArray();
            app.users(channel).forEach(id -> {
                JsonObject user = new JsonObject();
                user.addProperty("id", id);
                users.add(user);
            });
            JsonObject answer = new JsonObject();
            answer.add("users", users);
            return ok(answer);
        });
    }

    @POST
    @Path("users/{userId}/terminate_connections")
    public Response terminate(@PathParam("appId") String appId, @PathParam("userId") String userId, byte[] body) {
        return verified(appId, "POST", body, (app, query) -> {
            app.terminate(userId);
            return ok(new JsonObject());
        });
    }

    // What a verified request does; it reads its parameters from the query that was verified, never from elsewhere.
    private interface Action {
        Response on(LocalApp app, RequestVerifier.Query query) throws RestEvents.Refused;
    }

    private Response verified(String appId, String method, byte[] body, Action action) {
        Optional<LocalApp> found = server.byAppId(appId);
        if (found.isEmpty()) {
            return plain(404, "Unknown app '" + appId + "'");
        }
        LocalApp app = found.get();
        RequestVerifier.Query query;
        try {
            query = RequestVerifier.parseQuery(uri.getRequestUri().getRawQuery());
        } catch (FormBody.Malformed e) {
            return plain(400, "Invalid query: " + e.getMessage());
        }
        String path = "/" + AuthSettings.trimSlashes(uri.getPath());
        Optional<String> refusal = new RequestVerifier(app.settings().key(), app.settings().secret())
                .refusal(method, path, query, body == null ? new byte[0] : body, Instant.now());
        if (refusal.isPresent()) {
            return plain(401, refusal.get());
        }
        try {
            return action.on(app, query);
        } catch (RestEvents.Refused refused) {
            return plain(refused.status(), refused.getMessage());
        } catch (ClusterUnavailable unavailable) {
            return plain(503, unavailable.getMessage());
        }
    }

    private static Set<String> infoAttributes(RequestVerifier.Query query) {
        String info = query.get("info").orElse("");
        return info.isBlank() ? Set.of() : Set.of(info.split(","));
    }

    private static Response ok(JsonObject answer) {
        return Response.ok(answer.toString(), MediaType.APPLICATION_JSON_TYPE).build();
    }

    // Pusher answers errors in plain text.
    private static Response plain(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
    }
}
