package it.orders;

import io.herald.notifications.Notifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.MediaType;
import java.math.BigDecimal;

/**
 * What the Echo clients of {@code src/test/js/echo.test.mjs} drive: customers and orders created, an order updated
 * several times in one transaction, an update rolled back, an order deleted, a notification to a customer.
 */
@Path("orders")
@RequestScoped
public class OrdersResource {

    @PersistenceContext
    EntityManager em;

    @Inject
    Notifier notifier;

    @POST
    @Path("customers/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public String customer(@PathParam("name") String name) {
        Customer customer = new Customer(name);
        em.persist(customer);
        em.flush();
        return "{\"customer\":" + customer.getId() + "}";
    }

    @POST
    @Path("customers/{id}/orders")
    @Produces(MediaType.APPLICATION_JSON)
    @Transactional
    public String order(@PathParam("id") long customer) {
        Order order = new Order(em.find(Customer.class, customer));
        em.persist(order);
        em.flush();
        return "{\"order\":" + order.getId() + "}";
    }

    @POST
    @Path("{id}/status/{status}")
    @Transactional
    public void update(@PathParam("id") long id, @PathParam("status") String status, @QueryParam("times") int times) {
        Order order = em.find(Order.class, id);
        for (int i = 1; i <= Math.max(times, 1); i++) {
            order.change(status, BigDecimal.valueOf(i));
            em.flush();
        }
    }

    @POST
    @Path("{id}/rollback")
    @Transactional
    public void rollback(@PathParam("id") long id) {
        Order order = em.find(Order.class, id);
        order.change("never", BigDecimal.ZERO);
        em.flush();
        throw new WebApplicationException("rolled back on purpose", 409);
    }

    @DELETE
    @Path("{id}")
    @Transactional
    public void delete(@PathParam("id") long id) {
        em.remove(em.find(Order.class, id));
    }

    @POST
    @Path("customers/{id}/notify/{text}")
    @Transactional
    public void notify(@PathParam("id") long id, @PathParam("text") String text) {
        notifier.send(em.find(Customer.class, id), new OrderNote(text));
    }

    /** A notification. */
    public record OrderNote(String text) {
    }
}
