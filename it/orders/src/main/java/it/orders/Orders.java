package it.orders;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.util.Optional;

/** Who owns which order, for {@link OwnOrders}: a repository bean, as applications usually have one. */
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
}
