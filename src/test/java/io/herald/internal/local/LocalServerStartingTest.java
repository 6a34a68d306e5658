package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/**
 * Until CDI's {@code Startup} has been observed (the connections open then) the local server is starting, and the
 * endpoint tells a client whose key it does not know yet to come back (4100) rather than that its app does not exist
 * (4001, which pusher-js and pusher-java-client never retry). Helidon takes requests before its container's Startup.
 */
class LocalServerStartingTest {

    @Test
    void aServerIsStartingUntilStartupHasBeenObserved() {
        LocalServer server = new LocalServer();

        assertThat(server.starting()).isTrue();
    }

    @Test
    void afterStartupAnUnknownKeyIsUnknownForGood() {
        LocalServer server = new LocalServer();

        server.serving(null);

        assertThat(server.starting()).isFalse();
        assertThat(server.byKey("no-such-key")).isEmpty();
    }
}
