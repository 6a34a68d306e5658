package io.herald.local;

import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcast;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.testing.HeraldServer;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * "To others" as the browsers see it: the {@code local} driver leaves the sender's socket out (pusher-java-client
 * sockets here), and the {@code pusher} driver passes its id to Pusher as {@code socket_id}.
 */
class ToOthersOnTheWireTest {
    private static PusherRestStandIn pusher;
    private static HeraldServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    /** A chat message, sent through both connections; its sender already shows it. */
    public record ChatMessage(String text, boolean toOthers) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new Channel("chat"));
        }

        @Override
        public List<String> broadcastConnections() {
            return List.of("local", "pusher");
        }

        @Override
        public boolean broadcastToOthers() {
            return toOthers;
        }
    }

    /** The application's endpoint. */
    @Path("chat")
    @RequestScoped
    public static class ChatResource {
        @Inject
        @Broadcast
        Event<ChatMessage> messages;

        @POST
        public void say(@QueryParam("text") String text, @QueryParam("toOthers") boolean toOthers) {
            messages.fire(new ChatMessage(text, toOthers));
        }
    }

    @BeforeAll
    static void start() throws Exception {
        pusher = new PusherRestStandIn();
        server = HeraldServer.atRoot(LocalEnv.config(
                "broadcast.pusher.driver=pusher",
                "broadcast.pusher.app-id=" + PusherRestStandIn.APP_ID,
                "broadcast.pusher.key=" + PusherRestStandIn.KEY,
                "broadcast.pusher.secret=" + PusherRestStandIn.SECRET,
                "broadcast.pusher.host=127.0.0.1",
                "broadcast.pusher.port=" + pusher.port(),
                "broadcast.pusher.ssl=false"), ChatResource.class);
    }

    @AfterAll
    static void stop() {
        server.close();
        pusher.close();
    }

    @BeforeEach
    void forget() {
        pusher.reset();
    }

    private void say(String text, boolean toOthers, String socketId) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(server.uri("chat?text=" + text + "&toOthers=" + toOthers))
                .header("X-Socket-ID", socketId).POST(HttpRequest.BodyPublishers.noBody()).build();
        assertThat(http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode()).isEqualTo(204);
    }

    @Test
    void localServerLeavesOutTheSendersSocketOnly() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected();
                JavaClient bob = new JavaClient(server, LocalEnv.KEY, "bob").connected()) {
            ada.pusher.subscribe("chat", ada.listener, "ChatMessage");
            bob.pusher.subscribe("chat", bob.listener, "ChatMessage");
            assertThat(next(ada.subscribed)).isEqualTo("chat");
            assertThat(next(bob.subscribed)).isEqualTo("chat");
            String adasSocket = ada.pusher.getConnection().getSocketId();

            say("first", true, adasSocket);
            say("second", false, adasSocket);

            assertThat(next(bob.events).getData()).contains("first");
            assertThat(next(bob.events).getData()).contains("second");
            // Events on one connection arrive in order: the first ada sees is the second one sent.
            assertThat(next(ada.events).getData()).contains("second");
        }
    }

    @Test
    void pusherDriverPassesTheSendersSocketIdToPusher() throws Exception {
        say("hello", true, "1234.5678");
        say("everyone", false, "1234.5678");

        assertThat(pusher.published()).extracting(PusherRestStandIn.Published::socketId)
                .containsExactly("1234.5678", null);
    }
}
