package io.herald.failures;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcast;
import io.herald.BroadcastFailed;
import io.herald.firing.NewRelease;
import io.herald.internal.delivery.ConfiguredConnections;
import io.herald.internal.json.PayloadSerializers;
import io.herald.internal.extension.BroadcastExtension;
import io.herald.internal.pusher.PusherDriverFactory;
import io.herald.testing.FakeTransactions;
import io.herald.testing.HeraldTestExtension;
import io.herald.testing.LogCapture;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Level;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

@ExtendWith(HeraldTestExtension.class)
@EnableWeld
class AfterCommitTest {
    PusherRestStandIn pusher;

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(WeldInitiator.createWeld()
                    .addExtension(new BroadcastExtension())
                    .addPackages(ConfiguredConnections.class, PusherDriverFactory.class, PayloadSerializers.class)
                    .addBeanClasses(FakeTransactions.Registry.class, Failures.class))
            .inject(this)
            .build();

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Inject
    Failures failures;

    @Test
    void eventFiredInATransactionIsSentOnlyAfterCommit() {
        FakeTransactions.begin();
        releases.fire(new NewRelease("5.0.0"));
        assertThat(pusher.requests()).isZero();

        FakeTransactions.commit();

        assertThat(pusher.published()).hasSize(1);
    }

    @Test
    void eventFiredInATransactionThatRollsBackIsNeverSent() {
        FakeTransactions.begin();
        releases.fire(new NewRelease("5.0.0"));

        FakeTransactions.rollback();

        assertThat(pusher.requests()).isZero();
    }

    @Test
    void eventFiredWithoutATransactionIsSentAtOnce() {
        releases.fire(new NewRelease("5.0.0"));

        assertThat(pusher.published()).hasSize(1);
    }

    @Test
    void failureAfterCommitIsFiredAsBroadcastFailed() {
        pusher.answerNext(503, "maintenance");
        FakeTransactions.begin();
        releases.fire(new NewRelease("5.0.0"));

        FakeTransactions.commit();

        assertThat(failures.seen()).singleElement().satisfies(failed -> {
            assertThat(failed.connection()).isEqualTo("pusher");
            assertThat(failed.channels()).containsExactly("releases");
            assertThat(failed.event()).isEqualTo("NewRelease");
            assertThat(failed.payload()).isEqualTo(new NewRelease("5.0.0"));
            assertThat(failed.cause()).hasMessageContaining("Pusher answered 503: maintenance");
        });
    }

    @Test
    void failureAfterCommitIsLoggedOnce() {
        pusher.answerNext(503, "maintenance");
        try (LogCapture log = new LogCapture()) {
            FakeTransactions.begin();
            releases.fire(new NewRelease("5.0.0"));
            FakeTransactions.commit();

            assertThat(log.messages(Level.SEVERE)).singleElement().asString()
                    .contains("HERALD-0201").contains("'NewRelease'");
        }
    }

    @Test
    void invalidEventAfterCommitIsReportedToo() {
        FakeTransactions.begin();
        releases.fire(new NewRelease("x".repeat(20_000)));

        FakeTransactions.commit();

        assertThat(failures.seen()).singleElement()
                .satisfies(failed -> assertThat(failed.cause()).hasMessageContaining("limit is 10240 bytes"));
        assertThat(pusher.requests()).isZero();
    }

    @ApplicationScoped
    static class Failures {
        private final List<BroadcastFailed> seen = new CopyOnWriteArrayList<>();

        List<BroadcastFailed> seen() {
            return List.copyOf(seen);
        }

        void record(@Observes BroadcastFailed failed) {
            seen.add(failed);
        }
    }
}
