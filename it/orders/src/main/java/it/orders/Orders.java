package it.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/**
 * Who owns what, for the authorizers. A bean of its own rather than an entity manager in each authorizer: Herald
 * creates the authorizers when the application starts (to check their patterns), and GlassFish and Payara resolve a
 * {@code @PersistenceContext} only inside a request; the authorizers hold this bean's client proxy, which creates it on
 * first use.
 */
@ApplicationScoped
public class Orders {

    @PersistenceContext
    EntityManager em;

    /** The name of the customer an order is for. */
    @Transactional
    public Optional<String> customerOfOrder(long order) {
        return em.createQuery("select o.customer.name from Order o where o.id = :id", String.class)
                .setParameter("id", order).getResultStream().findFirst();
    }

    /** A customer's name. */
    @Transactional
    public Optional<String> customerName(long customer) {
        return em.createQuery("select c.name from Customer c where c.id = :id", String.class)
                .setParameter("id", customer).getResultStream().findFirst();
    }
}
