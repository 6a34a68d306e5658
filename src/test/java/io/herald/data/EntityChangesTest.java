package io.herald.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;

import io.herald.engine.Failures;
import io.herald.jpa.EntityChange;
import io.herald.jpa.EntityChanges;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.LogCapture;
import io.herald.testkit.RecordedBroadcast;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.logging.Level;
import org.hibernate.Hibernate;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * Entities listed with {@code ChangeBroadcaster} on a real JTA stack (Hibernate, Narayana, Agroal, H2) in Weld SE:
 * what goes out, when, and how often, in Laravel Echo's format.
 */
@HeraldTest
@AddBeanClasses({JtaPersistence.class, Failures.class})
@Config({"broadcast.default=test", "broadcast.test.driver=memory"})
class EntityChangesTest {

    @Inject
    JtaPersistence jta;

    @Inject
    RecordedBroadcasts broadcasts;

    @Inject
    EntityChanges changes;

    @Inject
    Failures failures;

    @Test
    void aPersistedEntityIsBroadcastAsCreatedOnItsPrivateChannelAfterCommit() {
        Order order = jta.inTransaction(em -> {
            Order created = new Order("new", new BigDecimal("12.50"), null);
            em.persist(created);
            em.flush();
            assertThat(broadcasts.all()).as("nothing before the commit").isEmpty();
            return created;
        });

        assertThat(broadcasts.all()).singleElement().satisfies(sent -> {
            assertThat(sent.channels()).containsExactly("private-Order." + order.id);
            assertThat(sent.event()).isEqualTo("OrderCreated");
            assertThat(sent.json()).isEqualTo("{\"model\":{\"id\":" + order.id + ",\"status\":\"new\",\"total\":12.50,"
                    + "\"address\":{\"street\":\"1 Main St\",\"city\":\"Springfield\"}}}");
        });
    }

    @Test
    void aRolledBackTransactionBroadcastsNothing() {
        jta.rolledBack(em -> {
            Order order = new Order("new", BigDecimal.ONE, null);
            em.persist(order);
            em.flush();
            order.status = "paid";
            em.flush();
            em.remove(order);
            em.flush();
        });

        broadcasts.assertNothingSent();
    }

    @Test
    void tenUpdatesOfOneRowInATransactionAreOneUpdated() {
        Long id = persistedOrder();

        jta.inTransaction(em -> {
            Order order = em.find(Order.class, id);
            for (int i = 1; i <= 10; i++) {
                order.total = BigDecimal.valueOf(i);
                em.flush();
            }
            return null;
        });

        assertThat(broadcasts.all()).singleElement().satisfies(sent -> {
            assertThat(sent.event()).isEqualTo("OrderUpdated");
            assertThat(sent.json()).contains("\"total\":10");
        });
    }

    @Test
    void anUpdateFlushedOnlyByTheCommitIsBroadcast() {
        Long id = persistedOrder();

        jta.inTransaction(em -> em.find(Order.class, id).status = "shipped");

        assertThat(broadcasts.all()).singleElement().satisfies(sent -> {
            assertThat(sent.event()).isEqualTo("OrderUpdated");
            assertThat(sent.json()).contains("\"status\":\"shipped\"");
        });
    }

    @Test
    void theTransactionIsJoinedWhenTheEntityIsLoadedNotWhenTheCommitFlushesIt() {
        Long id = persistedOrder();

        try (LogCapture log = new LogCapture()) {
            jta.inTransaction(em -> em.find(Order.class, id).status = "shipped");

            assertThat(log.messages(Level.WARNING)).noneMatch(m -> m.startsWith("HERALD-0234"));
        }
        broadcasts.assertSent("OrderUpdated");
    }

    @Test
    void aChangeReportedTooLateToWaitForTheCommitIsSentAtOnceWithAWarning() {
        Order order = new Order("late", BigDecimal.ONE, null);
        order.id = 5L;
        jta.whileCommitting(() -> {
            changes.updated(order);
            assertThat(broadcasts.all()).as("sent at once").hasSize(1);
        });

        try (LogCapture log = new LogCapture()) {
            jta.inTransaction(em -> null);

            assertThat(log.messages(Level.WARNING)).anyMatch(m -> m.startsWith("HERALD-0234: OrderUpdated was reported "
                    + "while its transaction was completing"));
        }
        assertThat(broadcasts.all()).hasSize(1);
    }

    @Test
    void aDeletedEntityIsBroadcastWithItsIdentifierOnly() {
        Long id = persistedOrder();

        jta.inTransaction(em -> {
            em.remove(em.find(Order.class, id));
            return null;
        });

        assertThat(broadcasts.all()).singleElement().satisfies(sent -> {
            assertThat(sent.channels()).containsExactly("private-Order." + id);
            assertThat(sent.event()).isEqualTo("OrderDeleted");
            assertThat(sent.json()).isEqualTo("{\"model\":{\"id\":" + id + "}}");
        });
    }

    @Test
    void aLazyAssociationIsNeitherLoadedNorWritten() {
        Long id = jta.inTransaction(em -> {
            Customer ada = new Customer("Ada");
            em.persist(ada);
            Order order = new Order("new", BigDecimal.ONE, ada);
            em.persist(order);
            return order.id;
        });
        broadcasts.clear();

        Order updated = jta.inTransaction(em -> {
            Order order = em.find(Order.class, id);
            order.status = "paid";
            return order;
        });

        assertThat(Hibernate.isInitialized(updated.customer)).as("customer loaded").isFalse();
        RecordedBroadcast sent = broadcasts.all().get(0);
        assertThat(sent.json()).doesNotContain("customer").doesNotContain("Ada").doesNotContain("internalNote")
                .doesNotContain("computed");
    }

    @Test
    void createdAndUpdatedInOneTransactionAreOneEventEachInTheOrderTheyHappened() {
        jta.inTransaction(em -> {
            Order order = new Order("new", BigDecimal.ONE, null);
            em.persist(order);
            em.flush();
            order.status = "paid";
            em.flush();
            order.status = "shipped";
            return null;
        });

        assertThat(broadcasts.all()).extracting(RecordedBroadcast::event)
                .containsExactly("OrderCreated", "OrderUpdated");
        assertThat(broadcasts.all().get(1).json()).contains("\"status\":\"shipped\"");
    }

    @Test
    void anEntityDecidesItsChannelsNamePayloadAndWhichChangesGoOut() {
        jta.inTransaction(em -> {
            em.persist(new Note("kitchen", "buy milk", false));
            em.persist(new Note("kitchen", "half-written", true));
            return null;
        });

        assertThat(broadcasts.all()).singleElement().satisfies(sent -> {
            assertThat(sent.channels()).containsExactly("board.kitchen");
            assertThat(sent.event()).isEqualTo("note.saved");
            assertThat(sent.json()).isEqualTo("{\"text\":\"buy milk\"}");
        });
    }

    @Test
    void aChangeRecordedOutsideATransactionIsBroadcastAtOnce() {
        Order order = new Order("archived", BigDecimal.ONE, null);
        order.id = 77L;

        changes.updated(order);

        broadcasts.assertSent("OrderUpdated");
        assertThat(broadcasts.all().get(0).channels()).containsExactly("private-Order.77");
    }

    @Test
    void anEntityWithoutAnIdentifierIsReportedAndNeverFailsTheCaller() {
        try (LogCapture log = new LogCapture()) {
            assertThatCode(() -> changes.created(new Order("new", BigDecimal.ONE, null))).doesNotThrowAnyException();

            assertThat(failures.seen()).singleElement().satisfies(failed -> {
                assertThat(failed.payload()).isInstanceOf(Order.class);
                assertThat(failed.cause().getMessage()).contains("HERALD-0031").contains("Order has no identifier");
            });
            assertThat(log.messages(Level.SEVERE)).anyMatch(m -> m.startsWith("HERALD-0233: OrderCreated"));
        }
        broadcasts.assertNothingSent();
    }

    /** An entity whose payload no JSON writer accepts (Herald's built-in one refuses NaN). */
    @jakarta.persistence.Entity
    static class Gauge implements io.herald.jpa.BroadcastsChanges {
        @jakarta.persistence.Id
        Long id = 1L;

        @Override
        public Object broadcastWith(EntityChange change) {
            return java.util.Map.of("ratio", Double.NaN);
        }
    }

    @Test
    void aPayloadThatCannotBeWrittenIsReportedAndNeverFailsTheCaller() {
        try (LogCapture log = new LogCapture()) {
            assertThatCode(() -> changes.updated(new Gauge())).doesNotThrowAnyException();

            assertThat(failures.seen()).singleElement().satisfies(failed -> {
                assertThat(failed.event()).isEqualTo("GaugeUpdated");
                assertThat(failed.payload()).isInstanceOf(EntityChange.class);
                assertThat(failed.cause().getMessage()).contains("NaN");
            });
            assertThat(log.messages(Level.SEVERE)).anyMatch(m -> m.startsWith("HERALD-0233: GaugeUpdated could not be "
                    + "broadcast"));
        }
        broadcasts.assertNothingSent();
    }

    @Test
    void aDriverFailureAfterCommitIsReportedWithTheChange() {
        broadcasts.failNext(1, "Pusher is down");

        Long id = jta.inTransaction(em -> {
            Order order = new Order("new", BigDecimal.ONE, null);
            em.persist(order);
            return order.id;
        });

        assertThat(failures.seen()).singleElement().satisfies(failed -> {
            assertThat(failed.event()).isEqualTo("OrderCreated");
            assertThat(failed.payload()).isInstanceOfSatisfying(EntityChange.class,
                    change -> assertThat(change.id()).isEqualTo(id));
        });
    }

    private Long persistedOrder() {
        Long id = jta.inTransaction(em -> {
            Order order = new Order("new", BigDecimal.ONE, null);
            em.persist(order);
            return order.id;
        });
        broadcasts.clear();
        return id;
    }
}
