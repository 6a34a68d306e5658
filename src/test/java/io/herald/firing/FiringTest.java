package io.herald.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

@HeraldTest
class FiringTest {
    PusherRestStandIn pusher;

    @Inject
    Broadcaster broadcaster;

    @Inject
    @Broadcast
    Event<NewRelease> releases;

    @Inject
    @Broadcast
    Event<AdminUserAlert> alerts;

    @Inject
    Event<Object> events;

    @Test
    void firedEventReachesPusherBeforeFireReturns() {
        releases.fire(new NewRelease("4.0.0"));

        assertThat(pusher.published()).containsExactly(new Published(List.of("releases"), "NewRelease",
                "{\"message\":\"Version 4.0.0 has been released !\"}", null));
    }

    @Test
    void recordWithoutBroadcastWithSendsItsComponents() {
        alerts.fire(new AdminUserAlert("Some dependencies are outdated !", "warning"));

        assertThat(pusher.published()).singleElement().satisfies(event -> {
            assertThat(event.channels()).containsExactly("private-admins");
            assertThat(event.name()).isEqualTo("AdminUserAlert");
            assertThat(JsonParser.parseString(event.data())).isEqualTo(
                    JsonParser.parseString("{\"message\":\"Some dependencies are outdated !\",\"level\":\"warning\"}"));
        });
    }

    @Test
    void eventSelectedWithTheLiteralIsBroadcast() {
        events.select(Broadcast.Literal.INSTANCE).fire(new NewRelease("4.0.1"));

        assertThat(pusher.published()).extracting(Published::name).containsExactly("NewRelease");
    }

    @Test
    void eventFiredWithoutTheQualifierIsNotBroadcast() {
        events.fire(new NewRelease("4.0.2"));

        assertThat(pusher.requests()).isZero();
    }

    @Test
    void fireAsyncDeliversOffTheCallersThread() throws Exception {
        pusher.holdRequests();

        // Completes while Pusher has not answered: neither the caller nor the async observer waits for the delivery.
        releases.fireAsync(new NewRelease("4.1.0")).toCompletableFuture().get(5, TimeUnit.SECONDS);
        assertThat(pusher.publishedCount()).isZero();

        pusher.answerHeldRequests();
        await().atMost(Duration.ofSeconds(5)).until(() -> pusher.publishedCount() == 1);
        assertThat(pusher.published()).extracting(Published::channel).containsExactly("releases");
    }

    @Test
    void eventWithNoChannelsFailsNamingIt() {
        CanBroadcast nowhere = List::of;

        assertThatThrownBy(() -> events.select(Broadcast.Literal.INSTANCE).fire(nowhere))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HERALD-0007");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    void payloadThatCannotBeSerialisedFailsNamingTheEvent() {
        assertThatThrownBy(() -> broadcaster.channel("releases", "Ratio", Map.of("ratio", Double.NaN)))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("HERALD-0013")
                .hasMessageContaining("'Ratio'");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    void firingSomethingThatCannotBroadcastFailsNamingItsType() {
        assertThatThrownBy(() -> events.select(Broadcast.Literal.INSTANCE).fire("just a string"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HERALD-0006")
                .hasMessageContaining("java.lang.String")
                .hasMessageContaining("CanBroadcast");
        assertThat(pusher.requests()).isZero();
    }
}
