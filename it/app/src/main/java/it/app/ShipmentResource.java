package it.app;

import io.herald.Broadcast;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/** The same order, answered by the runtime's own JAX-RS JSON and broadcast through Herald. */
@Path("shipments")
@RequestScoped
public class ShipmentResource {

    @Inject
    @Broadcast
    Event<OrderShipped> shipped;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public OrderShipped show() {
        return OrderShipped.example();
    }

    @POST
    public void ship() {
        shipped.fire(OrderShipped.example());
    }
}
