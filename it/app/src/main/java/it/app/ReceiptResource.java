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
 * Business transactions of the runtime's own JTA that fire a {@link Receipt} and then commit or roll back: Herald
 * sends after commit, so the first is delivered and the second never is (no outbox involved).
 */
@Path("receipts")
@RequestScoped
public class ReceiptResource {

    @Inject
    @Broadcast
    Event<Receipt> receipts;

    @POST
    @Path("commit/{seq}")
    @Transactional
    public void commit(@PathParam("seq") int seq) {
        receipts.fire(new Receipt(seq));
    }

    @POST
    @Path("rollback/{seq}")
    @Transactional
    public void rollback(@PathParam("seq") int seq) {
        receipts.fire(new Receipt(seq));
        throw new WebApplicationException("rolled back on purpose", 409);
    }
}
