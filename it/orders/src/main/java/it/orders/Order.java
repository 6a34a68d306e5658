package it.orders;

import io.herald.Channel;
import io.herald.PrivateChannel;
import io.herald.jpa.BroadcastsChanges;
import io.herald.jpa.ChangeBroadcaster;
import io.herald.jpa.ChangeKind;
import io.herald.jpa.EntityChange;
import jakarta.persistence.Embeddable;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EntityListeners;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.math.BigDecimal;
import java.util.List;

/**
 * An order: its changes go out with Laravel's defaults on {@code private-Order.<id>}, and a new order is announced to
 * its customer too (whose channel, unlike the order's, exists before the order does).
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

    protected Order() {
    }

    Order(Customer customer) {
        this.status = "new";
        this.total = new BigDecimal("10.00");
        this.customer = customer;
        this.address = new Address("1 Main St", "Springfield");
    }

    // Clients change and read an entity through its methods (JPA 3.1, 2.2): EclipseLink's woven change tracking sees
    // nothing another class writes into a field.
    public Long getId() {
        return id;
    }

    public void change(String status, BigDecimal total) {
        this.status = status;
        this.total = total;
    }

    @Override
    public List<Channel> broadcastOn(EntityChange change) {
        if (change.kind() == ChangeKind.CREATED && customer != null) {
            return List.of(new PrivateChannel(change.channel()), new PrivateChannel("Customer." + customer.getId()));
        }
        return change.defaultChannels();
    }

    /** Where an order goes. */
    @Embeddable
    public static class Address {
        String street;
        String city;

        protected Address() {
        }

        Address(String street, String city) {
            this.street = street;
            this.city = city;
        }
    }
}
