package io.herald.data;

import io.herald.Channel;
import io.herald.PrivateChannel;
import io.herald.jpa.BroadcastsChanges;
import io.herald.jpa.ChangeBroadcaster;
import io.herald.jpa.ChangeKind;
import io.herald.jpa.EntityChange;
import jakarta.persistence.Basic;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Transient;
import java.math.BigDecimal;
import java.util.List;

/**
 * An entity that broadcasts its changes with Laravel's defaults, and announces a new order to its customer too (whose
 * channel, unlike the order's, exists before the order does).
 */
@Entity
@Table(name = "orders")
@EntityListeners(ChangeBroadcaster.class)
public class Order implements BroadcastsChanges {
    @Id
    @GeneratedValue
    Long id;

    String status;

    BigDecimal total;

    @Embedded
    Address address;

    @ManyToOne(fetch = FetchType.LAZY)
    Customer customer;

    @Basic(fetch = FetchType.LAZY)
    String internalNote;

    @Transient
    String computed = "not persisted";

    protected Order() {
    }

    Order(String status, BigDecimal total, Customer customer) {
        this.status = status;
        this.total = total;
        this.customer = customer;
        this.address = new Address("1 Main St", "Springfield");
    }

    @Override
    public List<Channel> broadcastOn(EntityChange change) {
        if (change.kind() == ChangeKind.CREATED && customer != null) {
            return List.of(new PrivateChannel(change.channel()), new PrivateChannel("Customer." + customer.id));
        }
        return change.defaultChannels();
    }

    /** Where an order goes: an embeddable, written as a nested object. */
    @Embeddable
    public record Address(String street, String city) {
    }
}
