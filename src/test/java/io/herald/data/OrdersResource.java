package io.herald.data;

import io.herald.BroadcastUser;
import io.herald.notifications.Notifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
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
 * What the Echo clients drive: orders created, updated (several times in one transaction), rolled back and deleted,
 * and notifications to a customer, each in a JTA transaction of its own.
 */
@Path("orders")
@RequestScoped
public class OrdersResource {

    @Inject
    JtaPersistence jta;

    @Inject
    Notifier notifier;

    @POST
    @Path("customers/{name}")
    @Produces(MediaType.APPLICATION_JSON)
    public String customer(@PathParam("name") String name) {
        return jta.inTransaction(em -> {
            Customer customer = new Customer(name);
            em.persist(customer);
            em.flush();
            return "{\"customer\":" + customer.id + "}";
        });
    }

    @POST
    @Path("customers/{id}/orders")
    @Produces(MediaType.APPLICATION_JSON)
    public String create(@PathParam("id") long customer) {
        return jta.inTransaction(em -> {
            Order order = new Order("new", new BigDecimal("10.00"), em.find(Customer.class, customer));
            em.persist(order);
            em.flush();
            return "{\"order\":" + order.id + "}";
        });
    }

    @POST
    @Path("{id}/status/{status}")
    public void update(@PathParam("id") long id, @PathParam("status") String status, @QueryParam("times") int times) {
        jta.inTransaction(em -> {
            Order order = em.find(Order.class, id);
            for (int i = 1; i <= Math.max(times, 1); i++) {
                order.status = status;
                order.total = BigDecimal.valueOf(i);
                em.flush();
            }
            return null;
        });
    }

    @POST
    @Path("{id}/rollback")
    public void rollback(@PathParam("id") long id) {
        jta.rolledBack(em -> {
            em.find(Order.class, id).status = "never";
            em.flush();
        });
        throw new WebApplicationException("rolled back on purpose", 409);
    }

    @DELETE
    @Path("{id}")
    public void delete(@PathParam("id") long id) {
        jta.inTransaction(em -> {
            em.remove(em.find(Order.class, id));
            return null;
        });
    }

    @POST
    @Path("customers/{id}/notify/{text}")
    public void notify(@PathParam("id") long id, @PathParam("text") String text) {
        jta.inTransaction(em -> {
            notifier.send(em.find(Customer.class, id), new OrderNote(text));
            return null;
        });
    }

    @POST
    @Path("users/{name}/notify/{text}")
    public void notifyUser(@PathParam("name") String name, @PathParam("text") String text) {
        notifier.send(new BroadcastUser(name), new OrderNote(text));
    }

    /** A notification. */
    public record OrderNote(String text) {
    }
}
