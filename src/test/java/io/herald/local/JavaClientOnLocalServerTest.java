package io.herald.local;

import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonParser;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionState;
import io.herald.Broadcast;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.EncryptedPrivateChannel;
import io.herald.PrivateChannel;
import io.herald.firing.NewRelease;
import io.herald.testing.HeraldServer;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** pusher-java-client 2.4.4 against the local driver's WebSocket server, through the authorization endpoint. */
class JavaClientOnLocalServerTest {
    private static HeraldServer server;

    public record OrderShipped(long id) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new PrivateChannel("orders." + id));
        }
    }

    public record Payslip(String employee, int amount) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new EncryptedPrivateChannel("payroll"));
        }
    }

    @BeforeAll
    static void start() {
        server = HeraldServer.atRoot(LocalEnv.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private static void fire(Object event) {
        server.container().event().select(Broadcast.Literal.INSTANCE).fire(event);
    }

    @Test
    void publicChannelReceivesAFiredCdiEvent() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribe("releases", ada.listener, "NewRelease");
            assertThat(next(ada.subscribed)).isEqualTo("releases");

            fire(new NewRelease("4.0.0"));

            PusherEvent event = next(ada.events);
            assertThat(event.getEventName()).isEqualTo("NewRelease");
            assertThat(event.getChannelName()).isEqualTo("releases");
            assertThat(event.getData()).isEqualTo("{\"message\":\"Version 4.0.0 has been released !\"}");
        }
    }

    @Test
    void privateChannelIsJoinedThroughTheAuthorizationEndpoint() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribePrivate("private-orders.7", ada.listener, "OrderShipped");
            assertThat(next(ada.subscribed)).isEqualTo("private-orders.7");

            fire(new OrderShipped(7));

            assertThat(next(ada.events).getData()).isEqualTo("{\"id\":7}");
        }
    }

    @Test
    void encryptedChannelEventIsDecryptedByTheClient() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribePrivateEncrypted("private-encrypted-payroll", ada.listener, "Payslip");
            assertThat(next(ada.subscribed)).isEqualTo("private-encrypted-payroll");

            fire(new Payslip("ada", 1200));

            assertThat(JsonParser.parseString(next(ada.events).getData()))
                    .isEqualTo(JsonParser.parseString("{\"employee\":\"ada\",\"amount\":1200}"));
            assertThat(ada.errors).isEmpty();
        }
    }

    @Test
    void presenceMembersSeeJoinsAndLeaves() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribePresence("presence-lobby", ada.listener);
            assertThat(next(ada.presence)).isEqualTo("here ada");

            try (JavaClient bob = new JavaClient(server, LocalEnv.KEY, "bob").connected()) {
                bob.pusher.subscribePresence("presence-lobby", bob.listener);
                assertThat(List.of(next(bob.presence), next(bob.presence))).containsExactly("here ada", "here bob");
                // The client may subscribe twice around its CONNECTED state change and list the members again.
                assertThat(JavaClient.nextNotStartingWith(ada.presence, "here ")).startsWith("joined bob");
            }

            assertThat(JavaClient.nextNotStartingWith(ada.presence, "here ")).isEqualTo("left bob");
        }
    }

    @Test
    void clientEventReachesOthersButNotTheSender() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected();
                JavaClient bob = new JavaClient(server, LocalEnv.KEY, "bob").connected()) {
            var adaChannel = ada.pusher.subscribePrivate("private-chat.1", ada.listener, "client-typing");
            var bobChannel = bob.pusher.subscribePrivate("private-chat.1", bob.listener, "client-typing");
            next(ada.subscribed);
            next(bob.subscribed);

            adaChannel.trigger("client-typing", "{\"who\":\"ada\"}");

            PusherEvent relayed = next(bob.events);
            assertThat(relayed.getEventName()).isEqualTo("client-typing");
            assertThat(relayed.getData()).isEqualTo("{\"who\":\"ada\"}");
            bobChannel.trigger("client-typing", "{\"who\":\"bob\"}");
            assertThat(next(ada.events).getData()).as("bob's answer comes next: ada's own event did not come back")
                    .isEqualTo("{\"who\":\"bob\"}");
        }
    }

    @Test
    void forgedTokenIsRefusedWithASubscriptionError() throws Exception {
        try (RawSocket raw = RawSocket.open(server.webSocket(LocalEnv.KEY))) {
            String socketId = raw.socketId();
            raw.send("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-admins\",\"auth\":\""
                    + LocalEnv.KEY + ":" + "0".repeat(64) + "\"}}");

            assertThat(raw.next()).contains("pusher:subscription_error").contains("private-admins");
            assertThat(raw.next()).contains("pusher:error").contains("4009");
            assertThat(socketId).matches("\\d+\\.\\d+");
        }
    }

    @Test
    void unknownAppKeyIsRefusedWith4001() throws Exception {
        try (JavaClient stranger = new JavaClient(server, "no-such-key", "ada").connect()) {
            assertThat(next(stranger.errors)).startsWith("4001");
            stranger.awaitState(ConnectionState.DISCONNECTED);
        }
    }

    @Test
    void signedInUserReceivesSendToUser() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.user().bind("Invoice", ada.listener);
            ada.pusher.signin();
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();

            // The server confirms a sign-in once events for the user reach this connection. (pusher-java-client may
            // sign in twice while connecting and then throws on its own thread, which is not this test's concern.)
            await().dontCatchUncaughtExceptions().atMost(Duration.ofSeconds(10))
                    .until(() -> "ada".equals(ada.pusher.user().userId()));

            broadcaster.sendToUser("ada", "Invoice", Map.of("total", 12));

            assertThat(next(ada.events).getData()).isEqualTo("{\"total\":12}");
        }
    }
}
