package io.herald.data;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/** A customer's notifications are theirs alone: {@code private-Customer.{id}}. */
@ApplicationScoped
public class OwnNotifications implements ChannelAuthorizer {

    @Inject
    JtaPersistence jta;

    @Override
    public String channel() {
        return "private-Customer.{id}";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        long id = Long.parseLong(request.param("id"));
        Optional<String> name = jta.inTransaction(em -> Optional.ofNullable(em.find(Customer.class, id))
                .map(customer -> customer.name));
        return Authorization.allowIf(name.isPresent() && name.equals(request.userName()));
    }
}
