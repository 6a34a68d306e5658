package io.herald.console;

import static io.herald.console.ConsoleAccessTest.get;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.testing.HeraldServer;
import io.herald.testkit.RecordedBroadcasts;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The console of an application with no {@code local} connection: no live feed, so the page asks for the state, and
 * asking keeps the log recording what the application knows: what it sent, with the payload, and what failed, with
 * the reason.
 */
class ConsoleWithoutLocalServerTest {
    private HeraldServer server;
    private Broadcaster broadcaster;

    @BeforeEach
    void start() {
        server = HeraldServer.start(Map.of("broadcast.default", "test", "broadcast.test.driver", "memory",
                "broadcast.console.enabled", "true"));
        broadcaster = server.container().select(Broadcaster.class).get();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private String state() throws Exception {
        return get(server.uri("broadcasting/console/state"), "X-Test-User", "ada", "X-Test-Roles", "admin").body();
    }

    @Test
    void thereIsNoLiveFeedAndNothingIsRecordedBeforeAPageAsks() throws Exception {
        broadcaster.channel("releases", "Before", Map.of("n", 1));

        String first = state();

        assertThat(first).contains("\"live\":{}").doesNotContain("Before");
    }

    @Test
    void aBroadcastIsLoggedWithItsPayloadOnceAPageHasAsked() throws Exception {
        state();

        broadcaster.channel("releases", "NewRelease", Map.of("version", "4.0.0"));

        assertThat(state()).contains("\"kind\":\"sent\"").contains("\"event\":\"NewRelease\"")
                .contains("{\\\"version\\\":\\\"4.0.0\\\"}");
    }

    @Test
    void aFailureIsLoggedWithItsReason() throws Exception {
        state();
        server.container().select(RecordedBroadcasts.class).get().failNext(1, "Pusher is down");

        assertThatThrownBy(() -> broadcaster.channel("releases", "NewRelease", Map.of()))
                .isInstanceOf(BroadcastException.class);

        assertThat(state()).contains("\"kind\":\"failed\"").contains("Pusher is down");
    }
}
