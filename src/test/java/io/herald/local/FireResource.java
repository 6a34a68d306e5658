package io.herald.local;

import io.herald.Broadcast;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.EncryptedPrivateChannel;
import io.herald.PrivateChannel;
import io.herald.firing.NewRelease;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import java.util.List;
import java.util.Map;

/** An application endpoint that fires CDI events, so that clients outside the JVM can make the server broadcast. */
@Path("test")
@RequestScoped
public class FireResource {

    /** A private-channel event. */
    public record OrderShipped(long id) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new PrivateChannel("orders." + id));
        }
    }

    /** An end-to-end encrypted event. */
    public record Payslip(String employee, int amount) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new EncryptedPrivateChannel("js-payroll"));
        }
    }

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Inject
    @Broadcast
    Event<Payslip> payslips;

    @Inject
    @Broadcast
    Event<OrderShipped> shipments;

    @Inject
    Broadcaster broadcaster;

    @POST
    @Path("release/{version}")
    public void release(@PathParam("version") String version) {
        releases.fire(new NewRelease(version));
    }

    @POST
    @Path("shipped/{id}")
    public void shipped(@PathParam("id") long id) {
        shipments.fire(new OrderShipped(id));
    }

    @POST
    @Path("payslip/{employee}")
    public void payslip(@PathParam("employee") String employee) {
        payslips.fire(new Payslip(employee, 1200));
    }

    @POST
    @Path("invoice/{user}")
    public void invoice(@PathParam("user") String user) {
        broadcaster.sendToUser(user, "Invoice", Map.of("total", 12));
    }
}
