package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code broadcastWhen()} holds an event back on every path; {@code broadcastConnections()} sends it through each. */
@HeraldTest
@Config({"broadcast.default=primary", "broadcast.primary.driver=memory", "broadcast.secondary.driver=memory",
        "broadcast.queued.driver=memory", "broadcast.queued.async=true"})
class ConditionsAndConnectionsTest {

    /** Broadcast only for large orders. */
    public record LargeOrder(int amount) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new Channel("dashboard"));
        }

        @Override
        public boolean broadcastWhen() {
            return amount > 1_000;
        }
    }

    /** Sent through two connections, as during a move from one to the other. */
    public record Migrating(int seq) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new Channel("moves"));
        }

        @Override
        public List<String> broadcastConnections() {
            return List.of("primary", "secondary");
        }
    }

    @Inject
    @Broadcast
    Event<LargeOrder> orders;

    @Inject
    @Broadcast
    Event<Migrating> moves;

    @Inject
    Broadcaster broadcaster;

    @Inject
    RecordedBroadcasts broadcasts;

    @BeforeEach
    void forget() {
        broadcasts.clear();
    }

    @Test
    void eventWhoseConditionIsFalseIsSentOnNoPath() throws Exception {
        orders.fire(new LargeOrder(10));
        orders.fireAsync(new LargeOrder(10)).toCompletableFuture().get(5, TimeUnit.SECONDS);
        broadcaster.channel(new LargeOrder(10));
        broadcaster.channelAsync(new LargeOrder(10)).toCompletableFuture().get(5, TimeUnit.SECONDS);

        broadcasts.assertNothingSent();
    }

    @Test
    void eventWhoseConditionIsTrueIsSent() {
        orders.fire(new LargeOrder(5_000));

        broadcasts.assertSent(LargeOrder.class).onChannels("dashboard").once();
    }

    @Test
    void eventGoesThroughEachOfItsConnections() {
        moves.fire(new Migrating(1));

        broadcasts.assertSent(Migrating.class).through("primary").once();
        broadcasts.assertSent(Migrating.class).through("secondary").once();
    }

    @Test
    void aConnectionThatFailsDoesNotKeepTheOtherFromDeliveringAndIsNamed() {
        broadcasts.failNext(1, "primary is down");

        assertThatThrownBy(() -> moves.fire(new Migrating(2))).isInstanceOfSatisfying(BroadcastException.class,
                failure -> {
                    assertThat(failure.connection()).isEqualTo("primary");
                    assertThat(failure.reason()).isEqualTo("primary is down");
                });
        broadcasts.assertSent(Migrating.class).through("secondary").once();
    }

    @Test
    void aNamedConnectionOverridesTheEventsOwn() {
        broadcaster.connection("queued").channelAsync(new Migrating(3)).toCompletableFuture().join();

        assertThat(broadcasts.assertSent(Migrating.class).once().events()).singleElement()
                .satisfies(sent -> assertThat(sent.connection()).isEqualTo("queued"));
    }
}
