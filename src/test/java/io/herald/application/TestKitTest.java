package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.Broadcaster;
import io.herald.BroadcastFailed;
import io.herald.engine.Failures;
import io.herald.firing.NewRelease;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.Test;

/** The test kit an application's own tests use: the {@code memory} driver, its recorder and its assertions. */
@HeraldTest
@AddBeanClasses(Failures.class)
@Config({"broadcast.default=test", "broadcast.test.driver=memory", "broadcast.queued.driver=memory",
        "broadcast.queued.async=true"})
class TestKitTest {

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Inject
    Broadcaster broadcaster;

    @Inject
    RecordedBroadcasts broadcasts;

    @Inject
    Failures failures;

    @Test
    void recordsWhatWouldHaveGoneOut() {
        releases.fire(new NewRelease("4.0.1"));

        assertThat(broadcasts.all()).singleElement().satisfies(sent -> {
            assertThat(sent.connection()).isEqualTo("test");
            assertThat(sent.channels()).containsExactly("releases");
            assertThat(sent.event()).isEqualTo("NewRelease");
            assertThat(sent.json()).isEqualTo("{\"message\":\"Version 4.0.1 has been released !\"}");
            assertThat(sent.excludedSocket()).isNull();
        });
    }

    @Test
    void assertSentFailsListingWhatWasSentInstead() {
        broadcaster.channel("news", "Headline", Map.of());

        assertThatThrownBy(() -> broadcasts.assertSent(NewRelease.class))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expected NewRelease at least once, but it was not sent")
                .hasMessageContaining("Headline");
    }

    @Test
    void assertNotSentFailsWhenItWasSent() {
        releases.fire(new NewRelease("4.0.1"));

        assertThatThrownBy(() -> broadcasts.assertNotSent(NewRelease.class))
                .isInstanceOf(AssertionError.class).hasMessageContaining("never, but it was sent 1 time(s)");
    }

    @Test
    void assertNothingSentFailsWhenSomethingWas() {
        releases.fire(new NewRelease("4.0.1"));

        assertThatThrownBy(broadcasts::assertNothingSent).isInstanceOf(AssertionError.class);
    }

    @Test
    void narrowingStepsFailWhenNothingMatches() {
        releases.fire(new NewRelease("4.0.1"));

        assertThatThrownBy(() -> broadcasts.assertSent(NewRelease.class).onChannels("other"))
                .hasMessageContaining("on [other] at least once");
        assertThatThrownBy(() -> broadcasts.assertSent(NewRelease.class).through("queued"))
                .hasMessageContaining("through 'queued'");
        assertThatThrownBy(() -> broadcasts.assertSent(NewRelease.class).withPayload(json -> json.contains("5.0.0")))
                .hasMessageContaining("with the expected payload");
    }

    @Test
    void timesCountsOnlyWhatMatches() {
        releases.fire(new NewRelease("4.0.1"));
        releases.fire(new NewRelease("4.0.2"));
        broadcaster.channel("news", "Headline", Map.of());

        broadcasts.assertSent(NewRelease.class).times(2);
        broadcasts.assertSent(NewRelease.class).withPayload(json -> json.contains("4.0.2")).once();
        assertThatThrownBy(() -> broadcasts.assertSent(NewRelease.class).once())
                .hasMessageContaining("exactly 1 time(s), but it was sent 2 time(s)");
    }

    @Test
    void clearForgetsWhatWasSentAndFailuresStillToCome() {
        releases.fire(new NewRelease("4.0.1"));
        broadcasts.failNext(1, "down");

        broadcasts.clear();
        releases.fire(new NewRelease("4.0.2"));

        broadcasts.assertSent(NewRelease.class).withPayload(json -> json.contains("4.0.2")).once();
    }

    @Test
    void failNextMakesAQueuedEventReportBroadcastFailed() {
        broadcasts.failNext(1, "Pusher is down");

        broadcaster.connection("queued").channelAsync(new NewRelease("4.0.1"));

        await().atMost(Duration.ofSeconds(10)).until(() -> !failures.seen().isEmpty());
        BroadcastFailed failed = failures.seen().get(0);
        assertThat(failed.connection()).isEqualTo("queued");
        assertThat(failed.event()).isEqualTo("NewRelease");
        assertThat(failed.cause()).hasMessageContaining("Pusher is down");
        broadcasts.assertNothingSent();
    }
}
