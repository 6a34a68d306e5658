package io.herald.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.notifications.Notifier;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.inject.Inject;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/** With {@code broadcast.notifications.via=user}, a notification goes to the user's signed-in connections. */
@HeraldTest
@AddBeanClasses(JtaPersistence.class)
@Config({"broadcast.default=test", "broadcast.test.driver=memory", "broadcast.notifications.via=user"})
class SignedInUserNotifierTest {

    record Member(long id) {
    }

    record Mention(String by) {
    }

    @Inject
    Notifier notifier;

    @Inject
    RecordedBroadcasts broadcasts;

    @Inject
    JtaPersistence jta;

    @Test
    void aNotificationGoesToTheUsersServerToUserChannel() {
        notifier.send(new Member(7), new Mention("ada"));

        assertThat(broadcasts.all().get(0).channels()).containsExactly("#server-to-user-7");
        assertThat(broadcasts.all().get(0).event()).isEqualTo(Notifier.EVENT);
    }

    @Test
    void aNotificationToTheUserWaitsForTheCommitToo() {
        jta.rolledBack(em -> notifier.send(new Member(7), new Mention("ada")));
        broadcasts.assertNothingSent();

        jta.inTransaction(em -> {
            notifier.send(new Member(7), new Mention("bob"));
            assertThat(broadcasts.all()).isEmpty();
            return null;
        });
        assertThat(broadcasts.all()).hasSize(1);
    }
}
