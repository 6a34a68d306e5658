package io.herald.data;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.Id;

/** The other end of an order's lazy association: never loaded by broadcasting an order. */
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
}
