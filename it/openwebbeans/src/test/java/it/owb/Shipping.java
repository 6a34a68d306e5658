package it.owb;

import io.herald.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionStage;

/** Application code that fires its events as every Herald user does. */
@ApplicationScoped
public class Shipping {
    @Inject
    @Broadcast
    Event<OrderShipped> shipped;

    void ship(long orderId, String carrier) {
        shipped.fire(new OrderShipped(orderId, carrier));
    }

    CompletionStage<OrderShipped> shipLater(long orderId, String carrier) {
        return shipped.fireAsync(new OrderShipped(orderId, carrier));
    }
}
