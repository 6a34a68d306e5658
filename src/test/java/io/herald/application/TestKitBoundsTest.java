package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcaster;
import io.herald.testing.HeraldContainer;
import io.herald.testkit.RecordedBroadcasts;
import io.herald.testkit.RecordedBroadcast;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.Extension;
import jakarta.enterprise.inject.spi.ProcessAnnotatedType;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** The test kit keeps a bounded number of events, and records nothing where no {@code memory} connection is. */
class TestKitBoundsTest {

    @Test
    void oldestEventsAreDroppedBeyondTheMaximumAndCounted() {
        try (WeldContainer container = HeraldContainer.start(Map.of("broadcast.default", "test",
                "broadcast.test.driver", "memory", "broadcast.test.max-recorded", "3"))) {
            Broadcaster broadcaster = container.select(Broadcaster.class).get();
            for (int seq = 1; seq <= 5; seq++) {
                broadcaster.channel("ticks", "Tick" + seq, Map.of());
            }
            RecordedBroadcasts recorded = container.select(RecordedBroadcasts.class).get();

            assertThat(recorded.all()).extracting(RecordedBroadcast::event).containsExactly("Tick3", "Tick4", "Tick5");
            assertThat(recorded.dropped()).isEqualTo(2);
            recorded.clear();
            assertThat(recorded.dropped()).isZero();
        }
    }

    @Test
    void tenThousandAreKeptUnlessAConnectionAsksForMore() {
        try (WeldContainer container = HeraldContainer.start(Map.of("broadcast.default", "test",
                "broadcast.test.driver", "memory"))) {
            Broadcaster broadcaster = container.select(Broadcaster.class).get();
            for (int seq = 0; seq < RecordedBroadcasts.DEFAULT_MAX_RECORDED + 1; seq++) {
                broadcaster.channel("ticks", "Tick", Map.of());
            }
            RecordedBroadcasts recorded = container.select(RecordedBroadcasts.class).get();

            assertThat(recorded.all()).hasSize(10_000);
            assertThat(recorded.dropped()).isOne();
        }
    }

    @Test
    void withoutAMemoryConnectionNothingIsRecorded() {
        try (WeldContainer container = HeraldContainer.start(Map.of("broadcast.default", "dev",
                "broadcast.dev.driver", "null"))) {
            container.select(Broadcaster.class).get().channel("ticks", "Tick", Map.of());

            RecordedBroadcasts recorded = container.select(RecordedBroadcasts.class).get();
            assertThat(recorded.all()).isEmpty();
            assertThat(recorded.dropped()).isZero();
        }
    }

    /** docs/testing.md's way to leave the kit out of a production build in a CDI Full runtime. */
    public static class LeaveOutHeraldsTestKit implements Extension {
        void veto(@Observes ProcessAnnotatedType<?> type) {
            if (type.getAnnotatedType().getJavaClass().getPackageName().equals("io.herald.testkit")) {
                type.veto();
            }
        }
    }

    @Test
    void aVetoOfTheKitLeavesHeraldWorkingAndTheMemoryDriverUnknown() {
        try (WeldContainer container = HeraldContainer.start(Map.of("broadcast.default", "dev",
                "broadcast.dev.driver", "null"), new LeaveOutHeraldsTestKit())) {
            container.select(Broadcaster.class).get().channel("ticks", "Tick", Map.of());

            assertThat(container.select(RecordedBroadcasts.class).isResolvable()).isFalse();
        }
        assertThatThrownBy(() -> HeraldContainer.start(Map.of("broadcast.default", "test", "broadcast.test.driver",
                "memory"), new LeaveOutHeraldsTestKit())).hasMessageContaining("HERALD-0002")
                .hasMessageContaining("'memory'");
    }
}
