package it.app;

import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.testkit.RecordedBroadcast;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

/**
 * What the runtime scenarios do to the application that its users would not: fill the {@code held} connection's
 * queue (readiness DOWN), release it (UP), and send through the {@code flaky} connection, whose server refuses
 * connections (a retry, then a failure), use Herald's test kit inside the deployment, and read what the
 * application's channel-event observer saw.
 */
@Path("test-support")
@RequestScoped
public class TestSupportResource {

    @Inject
    Broadcaster broadcaster;

    @Inject
    HeldDriverFactory held;

    @Inject
    RecordedBroadcasts recorded;

    @Inject
    PresenceLog presence;

    /** The presence joins the application observed, one {@code channel user} per line. */
    @GET
    @Path("members-added")
    @Produces(MediaType.TEXT_PLAIN)
    public String membersAdded() {
        return String.join("\n", presence.joined());
    }

    // The first event is taken by the sender and held there; the ones after it fill the queue until it refuses one.
    @POST
    @Path("held/fill")
    public Response fillHeldQueue() throws InterruptedException {
        held.hold();
        broadcaster.connection("held").channelAsync(new NewRelease("held-first"));
        for (int waited = 0; held.holding() == 0; waited++) {
            if (waited == 100) {
                return Response.serverError().entity("the held connection's sender never started").build();
            }
            Thread.sleep(50);
        }
        for (int sent = 0; sent < 100; sent++) {
            try {
                broadcaster.connection("held").channelAsync(new NewRelease("held-" + sent));
            } catch (BroadcastException full) {
                return Response.noContent().build();
            }
        }
        return Response.serverError().entity("the held queue never filled").build();
    }

    @POST
    @Path("held/release")
    public void releaseHeldQueue() {
        held.release();
    }

    // What an in-container (Arquillian) test of the application does with Herald's test kit: send through the memory
    // driver and assert on the recording, here answering with what was recorded.
    @POST
    @Path("recorded/{version}")
    @Produces(MediaType.TEXT_PLAIN)
    public Response sendThroughTheMemoryDriver(@PathParam("version") String version) {
        recorded.clear();
        broadcaster.connection("recorded").toOthers().channel(new NewRelease(version));
        try {
            RecordedBroadcast sent = recorded.assertSent(NewRelease.class).through("recorded").onChannels("releases")
                    .withPayload(json -> json.contains(version)).once().events().get(0);
            return Response.ok(sent.json() + " not to " + sent.excludedSocket()).build();
        } catch (AssertionError e) {
            return Response.status(409).entity(e.getMessage()).build();
        }
    }

    @POST
    @Path("flaky")
    public Response sendThroughFlaky() throws InterruptedException {
        try {
            broadcaster.connection("flaky").channelAsync(new NewRelease("flaky")).toCompletableFuture().get(20, TimeUnit.SECONDS);
            return Response.ok("delivered").build();
        } catch (ExecutionException | java.util.concurrent.TimeoutException failed) {
            return Response.status(502).entity(String.valueOf(failed.getCause())).build();
        }
    }
}
