package it.app;

import io.herald.Broadcast;
import io.herald.Broadcaster;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.concurrent.TimeUnit;

/** Fires the event from a request, as an application does. */
@Path("releases")
@RequestScoped
public class ReleaseResource {

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Inject
    Broadcaster broadcaster;

    @POST
    @Path("{version}")
    public void release(@PathParam("version") String version) {
        releases.fire(new NewRelease(version));
    }

    @POST
    @Path("others/{version}")
    public void releaseToOthers(@PathParam("version") String version) {
        broadcaster.toOthers().channel(new NewRelease(version));
    }

    @POST
    @Path("async/{version}")
    public void releaseAsync(@PathParam("version") String version) throws Exception {
        releases.fireAsync(new NewRelease(version)).toCompletableFuture().get(10, TimeUnit.SECONDS);
    }
}
