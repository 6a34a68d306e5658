package it.orders;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** Who orders, and who receives notifications: its channel is {@code Customer.<id>}. */
@Entity
public class Customer {
    @Id
    @GeneratedValue
    Long id;

    String name;

    protected Customer() {
    }

    Customer(String name) {
        this.name = name;
    }

    public Long getId() {
        return id;
    }
}
