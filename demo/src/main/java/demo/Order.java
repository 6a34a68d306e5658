package demo;

import io.herald.Channel;
import io.herald.jpa.BroadcastsChanges;
import io.herald.jpa.ChangeBroadcaster;
import io.herald.jpa.EntityChange;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;

/**
 * An order of the demo's order list. Herald broadcasts its changes after each commit as {@code OrderCreated},
 * {@code OrderUpdated} and {@code OrderDeleted}; every visitor sees the list, so they go out on the public channel
 * {@code orders} rather than Laravel's default private {@code Order.<id>}.
 */
@Entity
@Table(name = "orders")
@EntityListeners(ChangeBroadcaster.class)
public class Order implements BroadcastsChanges {
    @Id
    @GeneratedValue
    private Long id;

    private String item;

    private int quantity;

    private String status;

    protected Order() {
    }

    Order(String item, int quantity) {
        this.item = item;
        this.quantity = quantity;
        this.status = "new";
    }

    void advance(String status) {
        this.status = status;
    }

    /** As the page lists it: {@code {"id":1,"item":"Tea","quantity":2,"status":"new"}}. */
    String json() {
        return "{\"id\":" + id + ",\"item\":\"" + item + "\",\"quantity\":" + quantity + ",\"status\":\"" + status
                + "\"}";
    }

    @Override
    public List<Channel> broadcastOn(EntityChange change) {
        return List.of(new Channel("orders"));
    }
}
