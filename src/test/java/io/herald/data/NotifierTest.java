package io.herald.data;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.BroadcastUser;
import io.herald.notifications.BroadcastNotification;
import io.herald.notifications.Notifier;
import io.herald.notifications.ReceivesNotifications;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testkit.RecordedBroadcast;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * {@link Notifier} sends what Laravel's broadcast notification channel sends, so that Echo's {@code .notification()}
 * receives it: on the user's private channel, as {@code BroadcastNotificationCreated}, with {@code id} and
 * {@code type}. No user is signed in here, and private channels require one for fired events: notifications are
 * still sent.
 */
@HeraldTest
@AddBeanClasses(JtaPersistence.class)
@Config({"broadcast.default=test", "broadcast.test.driver=memory"})
class NotifierTest {

    record InvoicePaid(long invoiceId, BigDecimal amount) {
    }

    record Mention(String by) implements BroadcastNotification {
        @Override
        public String broadcastType() {
            return "mention";
        }
    }

    record Account(String login) implements ReceivesNotifications {
        @Override
        public String receivesBroadcastNotificationsOn() {
            return "App.Models.User." + login;
        }
    }

    record Member(long id) {
    }

    @Inject
    Notifier notifier;

    @Inject
    RecordedBroadcasts broadcasts;

    @Inject
    JtaPersistence jta;

    @Test
    void anEntityUserIsNotifiedOnItsPrivateChannelUnderLaravelsEventName() {
        Customer ada = jta.inTransaction(em -> {
            Customer customer = new Customer("Ada");
            em.persist(customer);
            return customer;
        });

        notifier.send(ada, new InvoicePaid(7, new BigDecimal("99.50")));

        RecordedBroadcast sent = broadcasts.all().get(0);
        assertThat(sent.channels()).containsExactly("private-Customer." + ada.id);
        assertThat(sent.event()).isEqualTo("Illuminate\\Notifications\\Events\\BroadcastNotificationCreated");
        assertThat(sent.json()).matches("\\{\"invoiceId\":7,\"amount\":99.50,\"id\":\"[0-9a-f-]{36}\","
                + "\"type\":\"io.herald.data.NotifierTest\\$InvoicePaid\"}");
    }

    @Test
    void eachNotificationHasItsOwnId() {
        notifier.send(new Member(1), new InvoicePaid(1, BigDecimal.ONE));
        notifier.send(new Member(1), new InvoicePaid(1, BigDecimal.ONE));

        assertThat(broadcasts.all()).extracting(RecordedBroadcast::json).doesNotHaveDuplicates();
    }

    @Test
    void aNotificationNamesItsOwnType() {
        notifier.send(new Member(3), new Mention("ada"));

        assertThat(broadcasts.all().get(0).json()).endsWith("\"type\":\"mention\"}");
    }

    @Test
    void aUserThatNamesItsChannelGetsItThere() {
        notifier.send(new Account("ada"), new Mention("bob"));

        assertThat(broadcasts.all().get(0).channels()).containsExactly("private-App.Models.User.ada");
    }

    @Test
    void anObjectWithAnIdIsItsClassAndId() {
        notifier.send(new Member(5), new Mention("bob"));

        assertThat(broadcasts.all().get(0).channels()).containsExactly("private-Member.5");
    }

    @Test
    void aBroadcastUserIsUser() {
        notifier.send(new BroadcastUser("42"), new Mention("bob"));

        assertThat(broadcasts.all().get(0).channels()).containsExactly("private-User.42");
    }

    @Test
    void aUserWhoseChannelCannotBeToldIsRefusedNamingItsType() {
        assertThatThrownBy(() -> notifier.send("ada", new Mention("bob")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("HERALD-0030: Cannot tell whose notification channel a java.lang.String is");
        broadcasts.assertNothingSent();
    }

    @Test
    void aNotificationThatIsNotARecordIsRefused() {
        assertThatThrownBy(() -> notifier.send(new Member(1), "hello"))
                .hasMessageStartingWith("HERALD-0032: A notification must be a record");
    }

    @Test
    void aNotificationSentInATransactionGoesOutOnlyOnceItCommits() {
        jta.inTransaction(em -> {
            notifier.send(new Member(1), new Mention("ada"));
            assertThat(broadcasts.all()).isEmpty();
            return null;
        });

        assertThat(broadcasts.all()).hasSize(1);
    }

    @Test
    void aNotificationSentInATransactionThatRollsBackNeverGoesOut() {
        jta.rolledBack(em -> notifier.send(new Member(1), new Mention("ada")));

        broadcasts.assertNothingSent();
    }
}
