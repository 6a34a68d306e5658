package io.herald.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import io.herald.testing.SingleFrameSocket;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A frame over {@code max-message-bytes} is refused as it arrives: the connection is closed with 1009 (Message Too
 * Big) once the limit is passed, instead of the whole frame being read into memory first.
 */
class OversizedFrameTest {
    private static final String PING_PREFIX = "{\"event\":\"pusher:ping\",\"data\":{\"pad\":\"";
    private static HeraldServer server;

    @BeforeAll
    static void start() {
        server = HeraldServer.atRoot(LocalEnv.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @Test
    void fiftyMegabyteFrameIsRefusedBeforeItHasArrived() throws Exception {
        try (SingleFrameSocket socket = SingleFrameSocket.open(server.webSocket(LocalEnv.KEY))) {
            assertThat(socket.next()).contains("pusher:connection_established");

            socket.startFrame(PING_PREFIX, 50L * 1024 * 1024, 64 * 1024);

            assertThat(socket.next()).contains("\"code\\\":4301");
            assertThat(socket.next()).isEqualTo("close:1009");
        }
    }

    @Test
    void fiftyMegabyteFrameSentWholeLeavesTheServerServingOthers() throws Exception {
        try (SingleFrameSocket attacker = SingleFrameSocket.open(server.webSocket(LocalEnv.KEY));
                RawSocket bystander = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            attacker.next();
            bystander.socketId();

            attacker.sendOneFrame(PING_PREFIX, 50L * 1024 * 1024);
            bystander.send("{\"event\":\"pusher:ping\"}");

            assertThat(bystander.next()).contains("pusher:pong");
            assertThat(attacker.next()).contains("\"code\\\":4301");
            assertThat(attacker.next()).isEqualTo("close:1009");
        }
    }

    @Test
    void frameJustOverTheLimitIsRefusedWithPusherErrorThenClosed() throws Exception {
        try (RawSocket socket = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            socket.socketId();

            socket.send("{\"event\":\"pusher:ping\",\"data\":{\"pad\":\"" + "x".repeat(10 * 1024) + "\"}}");

            assertThat(socket.next()).contains("\"code\\\":4301");
            assertThat(socket.closedWith.get(10, TimeUnit.SECONDS)).isEqualTo(1009);
        }
    }

    @Test
    void frameAtTheLimitIsAnswered() throws Exception {
        try (RawSocket socket = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            socket.socketId();
            String frame = "{\"event\":\"pusher:ping\",\"data\":{\"pad\":\"\"}}";
            String padded = frame.replace("\"pad\":\"\"", "\"pad\":\"" + "é".repeat((10 * 1024 - frame.length()) / 2) + "\"");

            socket.send(padded);

            assertThat(socket.next()).contains("pusher:pong");
        }
    }
}
