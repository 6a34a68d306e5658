package it.orders;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Optional;

/**
 * A customer's notifications are theirs alone: {@code private-Customer.{id}}. Its entity manager is injected into it
 * directly, which GlassFish and Payara resolve only inside a request: Herald then checks its pattern at the first
 * authorization request rather than at startup (HERALD-0235).
 */
@ApplicationScoped
public class OwnNotifications implements ChannelAuthorizer {

    @PersistenceContext
    EntityManager em;

    @Override
    public String channel() {
        return "private-Customer.{id}";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        Optional<String> name = em.createQuery("select c.name from Customer c where c.id = :id", String.class)
                .setParameter("id", Long.valueOf(request.param("id"))).getResultStream().findFirst();
        return Authorization.allowIf(name.filter(owner -> request.userName().equals(Optional.of(owner))).isPresent());
    }
}
