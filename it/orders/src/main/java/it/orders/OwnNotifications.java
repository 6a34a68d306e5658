package it.orders;

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
    Orders orders;

    @Override
    public String channel() {
        return "private-Customer.{id}";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        long id = Long.parseLong(request.param("id"));
        return Authorization.allowIf(orders.customerName(id)
                .filter(owner -> request.userName().equals(Optional.of(owner))).isPresent());
    }
}
