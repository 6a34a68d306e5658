package it.owb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.inject.se.SeContainer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * What an application does with Herald, under OpenWebBeans instead of Weld: its portable extension observes
 * {@code @Broadcast} events, maps them through {@code CanBroadcast}, reports failures as {@code BroadcastFailed}, and
 * the test kit records what was sent.
 */
class BroadcastingTest {

    @Test
    void aFiredEventReachesItsChannelsUnderItsName() {
        try (SeContainer container = OpenWebBeansHerald.withMemoryDriver(
                "broadcast.private-channels.require-user=false")) {
            container.select(Shipping.class).get().ship(42, "DHL");

            container.select(RecordedBroadcasts.class).get().assertSent("order.shipped")
                    .onChannels("orders", "private-orders.42")
                    .withPayload(json -> json.equals("{\"orderId\":42,\"carrier\":\"DHL\"}")).once();
        }
    }

    @Test
    void aPrivateChannelIsLeftOutWhileNoUserIsSignedIn() {
        try (SeContainer container = OpenWebBeansHerald.withMemoryDriver()) {
            container.select(Shipping.class).get().ship(42, "DHL");

            container.select(RecordedBroadcasts.class).get().assertSent("order.shipped").onChannels("orders").once();
        }
    }

    @Test
    void anEventThatSaysNotNowIsNotSent() {
        try (SeContainer container = OpenWebBeansHerald.withMemoryDriver()) {
            container.select(Shipping.class).get().ship(42, "");

            container.select(RecordedBroadcasts.class).get().assertNothingSent();
        }
    }

    @Test
    void aFailedFireThrowsToItsCaller() {
        try (SeContainer container = OpenWebBeansHerald.withMemoryDriver()) {
            container.select(RecordedBroadcasts.class).get().failNext(1, "refused by the test");

            assertThatThrownBy(() -> container.select(Shipping.class).get().ship(42, "DHL"))
                    .isInstanceOf(BroadcastException.class).hasMessageContaining("refused by the test");
        }
    }

    @Test
    void aFailedAsynchronousFireIsReportedAsBroadcastFailed() throws Exception {
        try (SeContainer container = OpenWebBeansHerald.withMemoryDriver()) {
            container.select(RecordedBroadcasts.class).get().failNext(1, "refused by the test");

            container.select(Shipping.class).get().shipLater(42, "DHL").toCompletableFuture().get(10, TimeUnit.SECONDS);

            FailureLog log = container.select(FailureLog.class).get();
            assertThat(log.awaitFirst(10)).as("BroadcastFailed observed").isTrue();
            assertThat(log.failures()).singleElement().satisfies(failed -> {
                assertThat(failed.event()).isEqualTo("order.shipped");
                assertThat(failed.payload()).isEqualTo(new OrderShipped(42, "DHL"));
            });
        }
    }

    @Test
    void theBroadcasterFacadeSendsToANamedChannel() {
        try (SeContainer container = OpenWebBeansHerald.withMemoryDriver()) {
            container.select(Broadcaster.class).get().channel("news", "Headline", "{\"title\":\"OWB\"}");

            container.select(RecordedBroadcasts.class).get().assertSent("Headline").onChannels("news").once();
        }
    }
}
