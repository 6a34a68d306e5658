package it.app;

import io.herald.Broadcast;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.WebApplicationException;

/**
 * Business transactions that fire {@link Parcel}s: one commits, one rolls back after firing. With an outbox on the
 * {@code durable} connection, the first's events are delivered and the second's never are.
 */
@Path("outbox")
@RequestScoped
public class OutboxResource {

    @Inject
    @Broadcast
    Event<Parcel> parcels;

    @POST
    @Path("commit/{from}/{count}")
    @Transactional
    public void commit(@PathParam("from") int from, @PathParam("count") int count) {
        for (int seq = from; seq < from + count; seq++) {
            parcels.fire(new Parcel(seq));
        }
    }

    @POST
    @Path("rollback/{from}/{count}")
    @Transactional
    public void rollback(@PathParam("from") int from, @PathParam("count") int count) {
        commit(from, count);
        throw new WebApplicationException("rolled back on purpose", 409);
    }
}
