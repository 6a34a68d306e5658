package io.herald.internal.console;

import io.herald.Broadcaster;
import io.herald.internal.HeraldLog;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.protocol.Json;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.internal.signing.ChannelSigner;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.UnaryOperator;

/**
 * The console: its page and assets (from the jar: nothing from a CDN), its state, the authorization of its live
 * channel, and its two actions (a test event, sent as any {@link Broadcaster} call is; ending a user's connections).
 * Every request is checked by {@link ConsoleAccess}: 404 while the console is disabled, 403 for anyone else. Every
 * action is logged with who did it ({@code HERALD-0236}).
 */
@Path(ConsoleResource.PATH)
@RequestScoped
public class ConsoleResource {
    static final String PATH = "broadcasting/console";
    private static final Map<String, String> ASSETS = Map.of("console.js", "text/javascript",
            "console.css", "text/css");
    private static final String SECURITY = "default-src 'self'; connect-src 'self' ws: wss:; img-src 'self' data:";

    @Inject
    ConsoleFeed feed;

    @Inject
    ConsoleState state;

    @Inject
    Broadcaster broadcaster;

    @Context
    SecurityContext security;

    @Context
    HttpHeaders headers;

    @Context
    UriInfo uri;

    @GET
    public Response page() {
        // The assets' addresses are absolute: the page is reached with and without a trailing slash.
        String base = uri.getBaseUri().getPath() + feed.settings().path() + "/";
        return checked(who -> asset("index.html", MediaType.TEXT_HTML + ";charset=utf-8",
                html -> html.replace("{{base}}", base)));
    }

    @GET
    @Path("{asset: console\\.(js|css)}")
    public Response asset(@PathParam("asset") String name) {
        return checked(who -> asset(name, ASSETS.get(name) + ";charset=utf-8", text -> text));
    }

    @GET
    @Path("state")
    public Response state() {
        return checked(who -> {
            feed.polled();
            Map<String, Object> now = new LinkedHashMap<>(state.now());
            now.put("user", who);
            now.put("live", live());
            now.put("log", feed.entries());
            return json(now);
        });
    }

    @POST
    @Path("auth")
    public Response authorize(@FormParam("socket_id") String socketId, @FormParam("channel_name") String channel) {
        return checked(who -> {
            if (socketId == null || !PusherProtocol.isValidSocketId(socketId)
                    || !PusherProtocol.CONSOLE_CHANNEL.equals(channel)) {
                return Response.status(400).entity("Only " + PusherProtocol.CONSOLE_CHANNEL
                        + " is authorized here, for a valid socket_id").type(MediaType.TEXT_PLAIN).build();
            }
            Optional<ChannelSigner> signer = feed.liveConnection().flatMap(name -> ChannelSigner.of(
                    HeraldSettings.fromMicroProfileConfig().connection(name)));
            return signer.map(found -> Response.ok(found.authorizePrivate(channel, socketId),
                    MediaType.APPLICATION_JSON).build())
                    .orElseGet(() -> Response.status(404).entity("No local connection carries the console's feed")
                            .type(MediaType.TEXT_PLAIN).build());
        });
    }

    @POST
    @Path("test-event")
    public Response testEvent(@FormParam("channel") String channel, @FormParam("event") String event,
            @FormParam("data") String data) {
        return checked(who -> {
            try {
                broadcaster.channel(channel, event, data == null || data.isBlank() ? "{}" : data);
            } catch (RuntimeException e) {
                return Response.status(400).entity(String.valueOf(e.getMessage())).type(MediaType.TEXT_PLAIN).build();
            }
            HeraldLog.consoleAction(who, "sent test event '" + event + "' on " + channel);
            feed.action(who, "test event " + event, "", List.of(channel));
            return Response.noContent().build();
        });
    }

    @POST
    @Path("terminate")
    public Response terminate(@FormParam("user") String user) {
        return checked(who -> {
            try {
                broadcaster.terminateUserConnections(user);
            } catch (RuntimeException e) {
                return Response.status(400).entity(String.valueOf(e.getMessage())).type(MediaType.TEXT_PLAIN).build();
            }
            HeraldLog.consoleAction(who, "terminated the connections of user '" + user + "'");
            feed.action(who, "terminated user " + user, "", List.of());
            return Response.noContent().build();
        });
    }

    private interface Allowed {
        Response answer(String who);
    }

    private Response checked(Allowed answer) {
        boolean forwarded = headers.getHeaderString("X-Forwarded-For") != null
                || headers.getHeaderString("Forwarded") != null;
        ConsoleAccess.Decision decision = ConsoleAccess.decide(feed.settings(),
                Optional.ofNullable(security.getUserPrincipal()), security::isUserInRole, RemoteAddress.current(),
                forwarded);
        return switch (decision.verdict()) {
            case NOT_FOUND -> Response.status(404).build();
            case FORBIDDEN -> Response.status(403).entity("The console is for users in role '"
                    + feed.settings().role() + "'").type(MediaType.TEXT_PLAIN).build();
            case ALLOWED -> answer.answer(decision.who());
        };
    }

    // Where the page connects for its live feed: the local connection's key, at /app/{key} of the web application.
    private Map<String, Object> live() {
        Map<String, Object> live = new LinkedHashMap<>();
        feed.liveConnection().ifPresent(name -> {
            String key = HeraldSettings.fromMicroProfileConfig().connection(name).require("key");
            live.put("key", key);
            live.put("webSocketPath", RemoteAddress.contextPath() + "/app/" + key);
        });
        return live;
    }

    private static Response json(Object value) {
        return Response.ok(Json.write(value), MediaType.APPLICATION_JSON).header("Cache-Control", "no-store").build();
    }

    private static Response asset(String name, String type, UnaryOperator<String> fill) {
        InputStream in = ConsoleResource.class.getResourceAsStream("/META-INF/herald/console/" + name);
        if (in == null) {
            return Response.status(404).build();
        }
        try (in) {
            String text = fill.apply(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            return Response.ok(text, type).header("Content-Security-Policy", SECURITY)
                    .header("Cache-Control", "no-store").build();
        } catch (IOException e) {
            return Response.serverError().build();
        }
    }
}
