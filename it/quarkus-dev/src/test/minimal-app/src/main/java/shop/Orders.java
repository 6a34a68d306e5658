package shop;

import io.herald.Broadcast;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;

@Path("orders")
public class Orders {
    @Inject
    @Broadcast
    Event<OrderShipped> shipped;

    @POST
    @Path("{id}")
    public void ship(@PathParam("id") String id) {
        shipped.fire(new OrderShipped(id));
    }

    @GET
    @Path("version")
    public String version() {
        return "generation-0";
    }
}
