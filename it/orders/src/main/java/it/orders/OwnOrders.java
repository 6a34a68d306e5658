package it.orders;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;

/**
 * An order's channel is its customer's alone: {@code private-Order.{id}} is joined by the customer named on the
 * order.
 */
@ApplicationScoped
public class OwnOrders implements ChannelAuthorizer {

    @Inject
    Orders orders;

    @Override
    public String channel() {
        return "private-Order.{id}";
    }

    @Override
    public Authorization authorize(ChannelRequest request) {
        long id = Long.parseLong(request.param("id"));
        return Authorization.allowIf(orders.customerOfOrder(id)
                .filter(owner -> request.userName().equals(Optional.of(owner))).isPresent());
    }
}
