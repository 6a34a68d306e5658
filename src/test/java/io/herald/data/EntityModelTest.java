package io.herald.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.internal.model.EntityModel;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.OneToMany;
import java.math.BigDecimal;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What Herald reads of an entity class: its name, identifier and basic attributes, by JPA's access type. */
class EntityModelTest {

    @Entity
    static class Invoice {
        private Long number;
        private String state = "open";
        private List<Order> lines = List.of();

        @Id
        public Long getNumber() {
            return number;
        }

        public String getState() {
            return state;
        }

        @OneToMany
        public List<Order> getLines() {
            return lines;
        }
    }

    // What a provider's lazy proxy looks like: a subclass whose fields are never set.
    static class OrderProxy extends Order {
        @Override
        public String toString() {
            return "proxy";
        }
    }

    @Test
    void theEntityNameIsTheSimpleNameUnlessTheEntityNamesOne() {
        assertThat(EntityModel.of(Order.class).name()).isEqualTo("Order");
        assertThat(EntityModel.of(Note.class).name()).isEqualTo("StickyNote");
    }

    @Test
    void fieldAccessReadsFieldsAndLeavesOutAssociationsTransientAndLazyAttributes() {
        Order order = new Order("new", BigDecimal.TEN, new Customer("Ada"));
        order.id = 3L;
        order.internalNote = "lazy";

        assertThat(EntityModel.of(Order.class).attributes(order)).containsOnlyKeys("id", "status", "total", "address");
    }

    @Test
    void propertyAccessReadsGettersAndLeavesOutAssociations() {
        Invoice invoice = new Invoice();
        invoice.number = 9L;

        EntityModel model = EntityModel.of(Invoice.class);

        assertThat(model.identifierName()).isEqualTo("number");
        assertThat(model.attributes(invoice)).containsExactly(entry("number", 9L), entry("state", "open"));
    }

    @Test
    void aProxySubclassIsReadAsItsEntity() {
        assertThat(EntityModel.of(OrderProxy.class).name()).isEqualTo("Order");
    }

    @Test
    void anEntityWithoutAnIdentifierYetHasNone() {
        assertThat(EntityModel.of(Order.class).identifier(new Order("new", BigDecimal.ONE, null))).isEmpty();
    }

    @Test
    void aClassThatIsNoEntityIsRefusedNamingIt() {
        assertThatThrownBy(() -> EntityModel.of(String.class)).hasMessageStartingWith(
                "HERALD-0028: java.lang.String is not a JPA entity with an identifier");
    }

    private static java.util.Map.Entry<String, Object> entry(String key, Object value) {
        return java.util.Map.entry(key, value);
    }
}
