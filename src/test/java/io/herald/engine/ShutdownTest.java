package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcast;
import io.herald.BroadcastFailed;
import io.herald.testing.HeraldContainer;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Stopping the application while events wait: the queue drains for a while, the rest is reported. */
class ShutdownTest {

    @Test
    void stopWhileEventsAreQueuedDeliversSomeAndReportsEveryOtherOnce() throws Exception {
        try (PusherRestStandIn pusher = new PusherRestStandIn()) {
            pusher.delayAnswers(Duration.ofMillis(200));
            WeldContainer container = HeraldContainer.start(Map.of(
                    "broadcast.pusher.driver", "pusher", "broadcast.pusher.app-id", PusherRestStandIn.APP_ID,
                    "broadcast.pusher.key", PusherRestStandIn.KEY, "broadcast.pusher.secret", PusherRestStandIn.SECRET,
                    "broadcast.pusher.host", "127.0.0.1", "broadcast.pusher.port", String.valueOf(pusher.port()),
                    "broadcast.pusher.ssl", "false", "broadcast.pusher.async", "true", "broadcast.pusher.senders", "1",
                    "broadcast.pusher.shutdown-timeout-ms", "500"), Failures.class);
            List<BroadcastFailed> reported;
            try {
                container.select(Failures.class).get().seen();
                var ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);
                IntStream.range(0, 200).forEach(seq -> ticks.fire(new Tick(seq)));
            } finally {
                container.close();
            }
            reported = Failures.seenByTheLastContainer();

            Set<Integer> delivered = pusher.published().stream().map(Published::data)
                    .map(data -> Integer.parseInt(data.replaceAll("\\D", ""))).collect(Collectors.toSet());
            List<Integer> failed = reported.stream().map(f -> ((Tick) f.payload()).seq()).toList();
            assertThat(delivered).isNotEmpty();
            assertThat(failed).isNotEmpty().doesNotHaveDuplicates();
            assertThat(reported).allSatisfy(f -> assertThat(f.cause()).hasMessageContaining("application stopped"));
            Set<Integer> all = new HashSet<>(delivered);
            all.addAll(failed);
            assertThat(all).hasSize(200);
            assertThat(delivered).doesNotContainAnyElementsOf(failed);
        }
    }
}
