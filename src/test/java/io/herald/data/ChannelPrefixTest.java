package io.herald.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.notifications.Notifier;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/** {@code broadcast.entities.channel-prefix} gives the derived channels Laravel's names, for a front end written for it. */
@HeraldTest
@AddBeanClasses(JtaPersistence.class)
@Config({"broadcast.default=test", "broadcast.test.driver=memory", "broadcast.entities.channel-prefix=App.Models."})
class ChannelPrefixTest {

    record Member(long id) {
    }

    record Mention(String by) {
    }

    @Inject
    JtaPersistence jta;

    @Inject
    Notifier notifier;

    @Inject
    RecordedBroadcasts broadcasts;

    @Test
    void anEntitysChannelStartsWithThePrefix() {
        Long id = jta.inTransaction(em -> {
            Order order = new Order("new", BigDecimal.ONE, null);
            em.persist(order);
            return order.id;
        });

        assertThat(broadcasts.all().get(0).channels()).containsExactly("private-App.Models.Order." + id);
    }

    @Test
    void aRecipientsChannelStartsWithThePrefix() {
        notifier.send(new Member(1), new Mention("ada"));

        assertThat(broadcasts.all().get(0).channels()).containsExactly("private-App.Models.Member.1");
    }
}
