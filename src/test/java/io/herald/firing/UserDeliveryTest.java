package io.herald.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Sending to one signed-in user, and ending their connections: what pusher-http-java lacks. */
@HeraldTest
class UserDeliveryTest {
    PusherRestStandIn pusher;

    @Inject
    Broadcaster broadcaster;

    @Test
    void sendToUserPublishesOnTheUsersServerToUserChannel() {
        broadcaster.sendToUser("42", "Invoice", Map.of("total", 12));

        assertThat(pusher.published()).containsExactly(
                new Published(List.of("#server-to-user-42"), "Invoice", "{\"total\":12}", null));
    }

    @Test
    void invalidUserIdIsRefusedBeforeSending() {
        assertThatThrownBy(() -> broadcaster.sendToUser("42/../x", "Invoice", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("HERALD-0015")
                .hasMessageContaining("'42/../x'");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    void terminateUserConnectionsCallsPushersUsersEndpoint() {
        broadcaster.terminateUserConnections("42");

        assertThat(pusher.terminatedUsers()).containsExactly("42");
    }

    @Test
    void failedTerminationReachesTheCaller() {
        pusher.answerNext(500, "nope");

        assertThatThrownBy(() -> broadcaster.terminateUserConnections("42"))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("Pusher answered 500: nope");
    }

    @Test
    void invalidUserIdCannotBeTerminated() {
        assertThatThrownBy(() -> broadcaster.terminateUserConnections("a b")).isInstanceOf(IllegalArgumentException.class);
    }
}
