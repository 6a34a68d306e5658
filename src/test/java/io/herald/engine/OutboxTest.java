package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.internal.delivery.ConfiguredConnections;
import io.herald.internal.observability.ReadinessSource;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.stream.IntStream;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox on a real database (H2 in file mode) in front of Pusher's REST API (the stand-in): what
 * {@code fire()} and {@code Broadcaster} store, and how the relay sends, deletes, or keeps what it gave up on.
 */
@HeraldTest
@AddBeanClasses({Failures.class, OutboxDatabase.class, ObservabilityTest.Registry.class})
@Config({"broadcast.pusher.outbox=jdbc", "broadcast.pusher.outbox.poll-ms=20",
        "broadcast.pusher.retry.initial-backoff-ms=10", "broadcast.pusher.retry.max-attempts=2"})
class OutboxTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<Tick> ticks;

    @Inject
    Broadcaster broadcaster;

    @Inject
    Failures failures;

    @Inject
    OutboxDatabase database;

    @Inject
    ConfiguredConnections connections;

    @Inject
    MeterRegistry meters;

    @Test
    @Config("broadcast.pusher.outbox.relay=false")
    void fireOutsideATransactionStoresARowBeforeItReturns() throws Exception {
        ticks.fire(new Tick(7));

        assertThat(database.single("SELECT COUNT(*) FROM herald_outbox")).isEqualTo("1");
        assertThat(database.single("SELECT connection_name || ' ' || channels || ' ' || event_name || ' ' || payload "
                + "FROM herald_outbox")).isEqualTo("pusher [\"ticks\"] Tick {\"seq\":7}");
        assertThat(database.single("SELECT failed_at FROM herald_outbox")).isNull();
        assertThat(pusher.publishedCount()).isZero();
    }

    @Test
    @Config("broadcast.pusher.outbox.relay=false")
    void broadcasterAndFireAsyncStoreRowsToo() throws Exception {
        broadcaster.channel("news", "Said", Map.of("n", 1));
        ticks.fireAsync(new Tick(2)).toCompletableFuture().get();

        await().until(() -> database.single("SELECT COUNT(*) FROM herald_outbox").equals("2"));
    }

    @Test
    @Config("broadcast.pusher.outbox.relay=false")
    void anEventOverALimitFailsTheCallerAndStoresNothing() throws Exception {
        assertThatThrownBy(() -> broadcaster.channel("news", "Huge", "x".repeat(20_000)))
                .isInstanceOf(BroadcastException.class).hasMessageContaining("10240");

        assertThat(database.single("SELECT COUNT(*) FROM herald_outbox")).isEqualTo("0");
    }

    @Test
    void theRelaySendsEveryRowAndDeletesIt() throws Exception {
        IntStream.range(0, 50).forEach(seq -> ticks.fire(new Tick(seq)));

        await().atMost(Duration.ofSeconds(20)).until(() -> pusher.publishedCount() == 50);
        assertThat(pusher.published()).extracting(Published::data).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 50).mapToObj(seq -> "{\"seq\":" + seq + "}").toList());
        await().until(() -> database.single("SELECT COUNT(*) FROM herald_outbox").equals("0"));
        assertThat(failures.seen()).isEmpty();
    }

    @Test
    @Config("broadcast.pusher.outbox.batch-size=5")
    void theRelayNeverHoldsMoreThanABatchClaimedAndNotDeleted() throws Exception {
        pusher.delayAnswers(Duration.ofMillis(20));
        IntStream.range(0, 40).forEach(seq -> ticks.fire(new Tick(seq)));

        long mostClaimed = 0;
        while (!database.single("SELECT COUNT(*) FROM herald_outbox").equals("0")) {
            mostClaimed = Math.max(mostClaimed, database.count("SELECT COUNT(*) FROM herald_outbox WHERE lease_owner "
                    + "IS NOT NULL"));
        }

        assertThat(mostClaimed).isBetween(1L, 5L);
        assertThat(pusher.publishedCount()).isEqualTo(40);
    }

    @Test
    void aRowTheEngineGivesUpOnIsKeptMarkedFailedAndReported() throws Exception {
        pusher.answerNext(400, "not like this");

        ticks.fire(new Tick(1));

        await().until(() -> database.single("SELECT failed_at FROM herald_outbox") != null);
        assertThat(database.single("SELECT failure FROM herald_outbox")).contains("400");
        assertThat(failures.seen()).hasSize(1);
        assertThat(pusher.publishedCount()).isZero();
    }

    @Test
    @Config("broadcast.pusher.outbox.relay=false")
    void readinessIsDownWhileTheDataSourceCannotBeReached() {
        database.goDown();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outboxPart().up()).isFalse());

        database.comeBack();
        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(outboxPart().up()).isTrue());
    }

    @Test
    @Config("broadcast.pusher.outbox.relay=false")
    void gaugesCountTheRowsWaiting() {
        ticks.fire(new Tick(1));
        ticks.fire(new Tick(2));

        await().atMost(Duration.ofSeconds(5)).until(() -> meters.get("herald.outbox.waiting").tag("connection", "pusher")
                .gauge().value() == 2.0);
        assertThat(meters.get("herald.outbox.failed").gauge().value()).isZero();
    }

    private ReadinessSource.Part outboxPart() {
        return connections.readinessParts().stream().filter(part -> part.name().equals("pusher.outbox")).findFirst()
                .orElseThrow();
    }

    @Test
    @Config("broadcast.pusher.outbox.relay=false")
    void readinessReportsTheOutboxRows() throws Exception {
        ticks.fire(new Tick(1));
        ticks.fire(new Tick(2));

        await().atMost(Duration.ofSeconds(5)).untilAsserted(() -> assertThat(connections.readinessParts())
                .filteredOn(part -> part.name().equals("pusher.outbox")).singleElement().satisfies(part -> {
                    assertThat(part.up()).isTrue();
                    assertThat(part.data()).containsEntry("pusher.outbox-waiting", 2L)
                            .containsEntry("pusher.outbox-failed", 0L).containsKey("pusher.outbox-oldest-seconds");
                }));
    }
}
