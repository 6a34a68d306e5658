package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.internal.delivery.ConfiguredConnections;
import io.herald.internal.delivery.EngineEnvironment;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.ManualClock;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.sql.Timestamp;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.IntStream;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An outbox in front of a Pusher that is unreachable for minutes: committed rows stay pending and are tried again
 * with a backoff that grows to a cap, on a clock the test moves, and are delivered once Pusher is back; only rows
 * still failing at the give-up age are marked failed and reported.
 */
@HeraldTest
@AddBeanClasses({Failures.class, OutboxDatabase.class, OutboxOutageTest.Time.class})
@Config({"broadcast.pusher.outbox=jdbc", "broadcast.pusher.outbox.poll-ms=10", "broadcast.pusher.senders=1",
        "broadcast.pusher.retry.max-attempts=1", "broadcast.pusher.outbox.max-backoff-seconds=60"})
class OutboxOutageTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<Tick> ticks;

    @Inject
    Failures failures;

    @Inject
    OutboxDatabase database;

    @Inject
    ConfiguredConnections connections;

    @Inject
    Time time;

    /** The engine as in production, but the outbox's time of day in the test's hands. */
    @ApplicationScoped
    static class Time {
        private final ManualClock clock = new ManualClock();
        private final ExecutorService senders = Executors.newCachedThreadPool();

        // Methods, not fields: the test holds the bean's client proxy.
        ManualClock clock() {
            return clock;
        }

        void stop() {
            senders.shutdownNow();
        }

        @Produces
        EngineEnvironment environment() {
            EngineEnvironment system = EngineEnvironment.system(senders);
            return new EngineEnvironment(system.ticker(), system.sleeper(), system.jitter(), senders, clock);
        }
    }

    @AfterEach
    void stopSenders() {
        time.stop();
    }

    // Moves the clock, then waits until the relay has tried every row that became due (as its claim says: due before
    // now) and put it off again.
    private void later(Duration by) {
        time.clock().advance(by);
        await().atMost(Duration.ofSeconds(20)).until(() -> count("lease_owner IS NOT NULL OR leased_until IS NULL "
                + "OR leased_until < ?") == 0);
    }

    // Rows matching 'where', in which ? stands for the clock's time.
    private long count(String where) throws Exception {
        String query = "SELECT COUNT(*) FROM herald_outbox WHERE " + where;
        return where.contains("?") ? database.count(query, Timestamp.from(time.clock().instant())) : database.count(query);
    }

    @Test
    void rowsOutlastATwoMinuteOutageAndAreDeliveredInOrder() throws Exception {
        pusher.refuseConnections();
        IntStream.range(0, 200).forEach(seq -> ticks.fire(new Tick(seq)));

        later(Duration.ZERO);
        for (int step = 0; step < 12; step++) {
            later(Duration.ofSeconds(10));
        }

        assertThat(count("failed_at IS NOT NULL")).isZero();
        assertThat(database.single("SELECT MIN(attempts) FROM herald_outbox")).isEqualTo("7");
        assertThat(connections.readinessParts()).filteredOn(part -> part.name().equals("pusher.outbox"))
                .singleElement().satisfies(part -> assertThat((Long) part.data().get("pusher.outbox-oldest-seconds"))
                        .isGreaterThanOrEqualTo(120L));
        assertThat(failures.seen()).isEmpty();

        pusher.acceptConnections();
        time.clock().advance(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(20)).until(() -> pusher.publishedCount() == 200);
        assertThat(pusher.published()).extracting(Published::data).containsExactlyElementsOf(
                IntStream.range(0, 200).mapToObj(seq -> "{\"seq\":" + seq + "}").toList());
        await().until(() -> count("1 = 1") == 0);
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    void backoffDoublesFromOneSecondUpToTheCap() throws Exception {
        pusher.refuseConnections();
        ticks.fire(new Tick(1));

        StringBuilder waits = new StringBuilder();
        later(Duration.ZERO);
        for (int attempt = 0; attempt < 8; attempt++) {
            Timestamp due = Timestamp.valueOf(database.single("SELECT leased_until FROM herald_outbox"));
            long wait = Duration.between(time.clock().instant(), due.toInstant()).toSeconds();
            waits.append(wait).append(' ');
            later(Duration.ofSeconds(wait).plusMillis(1));
        }

        assertThat(waits.toString().trim()).isEqualTo("1 2 4 8 16 32 60 60");
    }

    @Test
    @Config("broadcast.pusher.outbox.give-up-after-seconds=300")
    void rowsStillFailingAtTheGiveUpAgeAreMarkedFailedAndReportedOnce() throws Exception {
        pusher.refuseConnections();
        IntStream.range(0, 3).forEach(seq -> ticks.fire(new Tick(seq)));

        later(Duration.ZERO);
        for (int step = 0; step < 4; step++) {
            later(Duration.ofSeconds(60));
        }
        assertThat(count("failed_at IS NOT NULL")).isZero();
        time.clock().advance(Duration.ofSeconds(61));

        await().atMost(Duration.ofSeconds(20)).until(() -> count("failed_at IS NOT NULL") == 3);
        assertThat(failures.seen()).hasSize(3).allSatisfy(failed -> assertThat(failed.cause().reason())
                .contains("Connection refused"));
    }
}
