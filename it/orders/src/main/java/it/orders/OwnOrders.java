package it.orders;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;

/**
 * An order's channel and its customer's are the customer's alone: {@code private-Order.{id}} is joined by the
 * customer named on the order, {@code private-Customer.{id}} by that customer.
 */
@ApplicationScoped
public class OwnOrders implements ChannelAuthorizer {

    @PersistenceContext
    EntityManager em;

    @Override
    public String channel() {
        return "private-Order.{id}";
    }

    @Override
    @Transactional
    public Authorization authorize(ChannelRequest request) {
        return Authorization.allowIf(em.createQuery("select o.customer.name from Order o where o.id = :id",
                String.class).setParameter("id", Long.valueOf(request.param("id"))).getResultStream().findFirst()
                .filter(owner -> request.userName().equals(java.util.Optional.of(owner))).isPresent());
    }

    /** {@code private-Customer.{id}}. */
    @ApplicationScoped
    public static class OwnNotifications implements ChannelAuthorizer {

        @PersistenceContext
        EntityManager em;

        @Override
        public String channel() {
            return "private-Customer.{id}";
        }

        @Override
        @Transactional
        public Authorization authorize(ChannelRequest request) {
            return Authorization.allowIf(em.createQuery("select c.name from Customer c where c.id = :id", String.class)
                    .setParameter("id", Long.valueOf(request.param("id"))).getResultStream().findFirst()
                    .filter(owner -> request.userName().equals(java.util.Optional.of(owner))).isPresent());
        }
    }
}
