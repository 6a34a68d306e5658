package demo;

import io.herald.BroadcastUser;
import io.herald.notifications.Notifier;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The order list an admin edits, whose changes every open page sees (Herald broadcasts the entity's changes after
 * each commit), and notifications an admin sends to one user (Echo's {@code .notification()} on {@code User.<name>}).
 */
@Path("demo/orders")
@RequestScoped
public class OrdersResource {
    private static final Set<String> STATUSES = Set.of("new", "paid", "shipped");

    @Inject
    DemoDatabase database;

    @Inject
    Notifier notifier;

    @Context
    SecurityContext security;

    /** A notification: {@code {"text":…,"from":…,"id":…,"type":"demo.OrdersResource$Notice"}} on the wire. */
    public record Notice(String text, String from) {
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public String list() {
        return database.inTransaction(em -> em.createQuery("from Order order by id", Order.class).getResultStream()
                .map(Order::json).collect(Collectors.joining(",", "[", "]")));
    }

    @POST
    public Response create(@FormParam("item") String item, @FormParam("quantity") int quantity) {
        if (!security.isUserInRole("admin")) {
            return onlyAdmins();
        }
        if (item == null || !item.matches("[A-Za-z0-9 ]{1,40}") || quantity < 1 || quantity > 1000) {
            return Response.status(400).entity("Give an item of 1 to 40 letters, digits or spaces and a quantity of 1 "
                    + "to 1000").build();
        }
        database.inTransaction(em -> {
            em.persist(new Order(item.trim(), quantity));
            return null;
        });
        return Response.noContent().build();
    }

    @POST
    @Path("{id}/status")
    public Response advance(@PathParam("id") long id, @FormParam("status") String status) {
        if (!security.isUserInRole("admin")) {
            return onlyAdmins();
        }
        if (!STATUSES.contains(status)) {
            return Response.status(400).entity("A status is one of " + STATUSES).build();
        }
        return database.inTransaction(em -> {
            Order order = em.find(Order.class, id);
            if (order == null) {
                return Response.status(404).entity("No order " + id).build();
            }
            order.advance(status);
            return Response.noContent().build();
        });
    }

    @DELETE
    @Path("{id}")
    public Response delete(@PathParam("id") long id) {
        if (!security.isUserInRole("admin")) {
            return onlyAdmins();
        }
        return database.inTransaction(em -> {
            Order order = em.find(Order.class, id);
            if (order == null) {
                return Response.status(404).entity("No order " + id).build();
            }
            em.remove(order);
            return Response.noContent().build();
        });
    }

    @POST
    @Path("notify")
    public Response notify(@FormParam("user") String user, @FormParam("text") String text) {
        if (!security.isUserInRole("admin")) {
            return onlyAdmins();
        }
        if (user == null || !DemoLogin.NAME.matcher(user).matches() || text == null || text.isBlank()
                || text.length() > 200) {
            return Response.status(400).entity("Give a user name and a text of at most 200 characters").build();
        }
        notifier.send(new BroadcastUser(user), new Notice(text.trim(), security.getUserPrincipal().getName()));
        return Response.noContent().build();
    }

    private static Response onlyAdmins() {
        return Response.status(403).entity("Only admins edit orders and send notifications").build();
    }
}
