package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * An application that stops (a redeployment, a live reload) closes its clients' connections with 4200, Pusher's
 * "reconnect now", so that they come back to the application that replaces it instead of staying connected to
 * nothing.
 */
class StoppingServerTest {

    @Test
    void stoppingTheApplicationClosesEveryConnectionWith4200() throws Exception {
        HeraldServer server = HeraldServer.atRoot(LocalEnv.config());
        try (RawSocket first = RawSocket.open(server.webSocket(LocalEnv.KEY));
                RawSocket second = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            first.socketId();
            second.socketId();
            first.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"releases\"}}");
            first.next();

            server.container().close();

            assertThat(first.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4200);
            assertThat(second.closedWith.get(5, TimeUnit.SECONDS)).isEqualTo(4200);
        } finally {
            server.close();
        }
    }
}
