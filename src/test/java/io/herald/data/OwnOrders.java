package io.herald.data;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** An order's changes are for its customer: {@code private-Order.{id}} is joined by the customer named on it. */
@ApplicationScoped
public class OwnOrders implements ChannelAuthorizer {

    @Inject
    JtaPersistence jta;

    @Override
    public String channel() {
        return "private-Order.{id}";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        long id = Long.parseLong(request.param("id"));
        Optional<String> owner = jta.inTransaction(em -> em.createQuery(
                "select o.customer.name from Order o where o.id = :id", String.class)
                .setParameter("id", id).getResultStream().findFirst());
        return Authorization.allowIf(owner.isPresent() && owner.equals(request.userName()));
    }
}
