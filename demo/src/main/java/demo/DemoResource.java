package demo;

import io.herald.Broadcast;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.NewCookie;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import org.eclipse.microprofile.config.ConfigProvider;

/** The buttons of the demo page: log in and out, and fire Masonite's two example events as CDI events. */
@Path("demo")
@RequestScoped
public class DemoResource {
    private static final Set<String> LEVELS = Set.of("info", "warning", "error");

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Inject
    @Broadcast
    Event<AdminUserAlert> alerts;

    @Context
    SecurityContext security;

    /** What the page needs to connect: the app key clients use ({@code broadcast.local.key}). */
    @GET
    @Path("config")
    @Produces(MediaType.APPLICATION_JSON)
    public String config() {
        String key = ConfigProvider.getConfig().getValue("broadcast.local.key", String.class);
        return "{\"key\":\"" + key + "\"}";
    }

    @GET
    @Path("me")
    @Produces(MediaType.APPLICATION_JSON)
    public String me() {
        if (security.getUserPrincipal() == null) {
            return "{\"user\":null}";
        }
        return "{\"user\":\"" + security.getUserPrincipal().getName() + "\",\"role\":\""
                + (security.isUserInRole("admin") ? "admin" : "basic") + "\"}";
    }

    @POST
    @Path("login")
    public Response login(@FormParam("name") String name, @FormParam("role") String role) {
        if (name == null || !DemoLogin.NAME.matcher(name).matches()) {
            return Response.status(400).entity("Pick a name of 1 to 32 letters, digits, - or _").build();
        }
        String value = name + ":" + ("admin".equals(role) ? "admin" : "basic");
        return Response.noContent().cookie(new NewCookie.Builder(DemoLogin.COOKIE).value(value).path("/")
                .httpOnly(true).sameSite(NewCookie.SameSite.STRICT).build()).build();
    }

    @POST
    @Path("logout")
    public Response logout() {
        return Response.noContent()
                .cookie(new NewCookie.Builder(DemoLogin.COOKIE).value("").path("/").maxAge(0).build()).build();
    }

    @POST
    @Path("release")
    public Response release(@FormParam("version") String version) {
        if (version == null || version.isBlank() || version.length() > 40) {
            return Response.status(400).entity("Give a version of at most 40 characters").build();
        }
        releases.fire(new NewRelease(version.trim()));
        return Response.noContent().build();
    }

    @POST
    @Path("alert")
    public Response alert(@FormParam("message") String message, @FormParam("level") String level) {
        if (message == null || message.isBlank() || message.length() > 500) {
            return Response.status(400).entity("Give a message of at most 500 characters").build();
        }
        alerts.fire(new AdminUserAlert(message.trim(), LEVELS.contains(level) ? level : "info"));
        return Response.noContent().build();
    }
}
