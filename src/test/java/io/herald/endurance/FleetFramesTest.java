package io.herald.endurance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.PresenceChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.channel.User;
import io.herald.Broadcaster;
import io.herald.internal.signing.Hmac;
import io.herald.testing.HeraldServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The endurance run's lean clients ({@link LoadFleet}, through {@link FleetFrames}) against pusher-java-client, both
 * connected to the same server: the fleet's signed subscriptions are accepted as the real client's are, and from the
 * same frames the fleet reads the same channels, sequence numbers and presence members as pusher-java-client.
 */
class FleetFramesTest {
    private static final String PRESENCE = "presence-room-0";
    private static final String PRIVATE = "private-room-30";

    private HeraldServer server;
    private Pusher java;
    private WebSocket fleet;
    private final List<PusherEvent> javaEvents = new CopyOnWriteArrayList<>();
    private final List<String> fleetFrames = new CopyOnWriteArrayList<>();

    @BeforeEach
    void connectBoth() throws Exception {
        server = HeraldServer.atRoot(EnduranceRun.localConfig());
        java = new Pusher(EnduranceRun.KEY, new PusherOptions().setHost("127.0.0.1").setWsPort(server.port())
                .setUseTLS(false).setChannelAuthorizer((channel, socketId) -> authorization(channel, socketId)));
        java.connect();
        PresenceChannelEventListener listener = new PresenceChannelEventListener() {
            @Override
            public void onEvent(PusherEvent event) {
                javaEvents.add(event);
            }

            @Override
            public void onUsersInformationReceived(String channelName, Set<User> users) {
            }

            @Override
            public void userSubscribed(String channelName, User user) {
            }

            @Override
            public void userUnsubscribed(String channelName, User user) {
            }

            @Override
            public void onAuthenticationFailure(String message, Exception e) {
            }

            @Override
            public void onSubscriptionSucceeded(String channelName) {
            }
        };
        java.subscribePresence(PRESENCE, listener, "E");
        java.subscribePrivate(PRIVATE, listener, "E");
        fleet = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://127.0.0.1:" + server.port() + "/app/" + EnduranceRun.KEY), new Recording())
                .join();
        await().atMost(Duration.ofSeconds(10)).until(() -> java.getPresenceChannel(PRESENCE).isSubscribed()
                && java.getPrivateChannel(PRIVATE).isSubscribed() && fleetSubscribed(PRESENCE) && fleetSubscribed(PRIVATE));
    }

    @AfterEach
    void close() throws Exception {
        fleet.abort();
        java.disconnect();
        server.close();
    }

    @Test
    void theFleetReadsEachEventsChannelAndTickAsPusherJavaClientDoes() {
        Broadcaster broadcaster = server.container().select(Broadcaster.class).get();
        for (int seq = 1; seq <= 20; seq++) {
            broadcaster.channel(seq % 2 == 0 ? PRESENCE : PRIVATE, "E", EnduranceRun.data(new Tick(seq, seq * 1000L)));
        }

        await().atMost(Duration.ofSeconds(10)).until(() -> javaEvents.size() == 20 && fleetEvents().size() == 20);
        List<String> javaRead = javaEvents.stream()
                .map(event -> event.getChannelName() + " " + Tick.find(event.getData())).toList();
        List<String> fleetRead = fleetEvents().stream()
                .map(frame -> FleetFrames.eventChannel(frame) + " " + Tick.find(frame)).toList();
        assertThat(fleetRead).isEqualTo(javaRead).hasSize(20);
    }

    @Test
    void theFleetSeesThePresenceMembersPusherJavaClientSees() {
        await().atMost(Duration.ofSeconds(10)).until(() -> javaMembers().size() == 2);

        assertThat(fleetMembers()).isEqualTo(javaMembers()).containsExactly("fleet", "java");
    }

    private List<String> fleetEvents() {
        return fleetFrames.stream().filter(FleetFrames::isEvent).toList();
    }

    private boolean fleetSubscribed(String channel) {
        return fleetFrames.stream().anyMatch(frame -> frame.contains("subscription_succeeded")
                && frame.contains("\"channel\":\"" + channel + "\""));
    }

    private Set<String> javaMembers() {
        Set<String> ids = new TreeSet<>();
        java.getPresenceChannel(PRESENCE).getUsers().forEach(user -> ids.add(user.getId()));
        return ids;
    }

    // What the fleet's subscriber keeps: the members it was told on subscribing, then each one added or removed.
    private Set<String> fleetMembers() {
        Set<String> view = new TreeSet<>();
        for (String text : fleetFrames) {
            JsonObject frame = JsonParser.parseString(text).getAsJsonObject();
            String event = frame.get("event").getAsString();
            boolean presence = frame.has("channel") && frame.get("channel").getAsString().equals(PRESENCE);
            if (presence && event.equals("pusher_internal:subscription_succeeded")) {
                view.addAll(FleetFrames.presenceIds(frame));
            } else if (presence && event.equals("pusher_internal:member_added")) {
                view.add(FleetFrames.memberId(frame));
            } else if (presence && event.equals("pusher_internal:member_removed")) {
                view.remove(FleetFrames.memberId(frame));
            }
        }
        return view;
    }

    // pusher-java-client's authorizer, signing as the app's authorization endpoint would.
    private static String authorization(String channel, String socketId) {
        JsonObject answer = new JsonObject();
        if (channel.startsWith("presence-")) {
            String member = "{\"user_id\":\"java\"}";
            answer.addProperty("auth", EnduranceRun.KEY + ":"
                    + Hmac.sha256Hex(EnduranceRun.SECRET, socketId + ":" + channel + ":" + member));
            answer.addProperty("channel_data", member);
        } else {
            answer.addProperty("auth", EnduranceRun.KEY + ":"
                    + Hmac.sha256Hex(EnduranceRun.SECRET, socketId + ":" + channel));
        }
        return answer.toString();
    }

    // The fleet's client: every frame kept; subscribes, as LoadFleet does, once the connection is established.
    private final class Recording implements WebSocket.Listener {
        private final StringBuilder partial = new StringBuilder();

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                fleetFrames.add(frame);
                if (frame.contains("pusher:connection_established")) {
                    String socketId = FleetFrames.data(JsonParser.parseString(frame).getAsJsonObject())
                            .get("socket_id").getAsString();
                    socket.sendText(FleetFrames.subscribe(socketId, PRESENCE, "fleet", EnduranceRun.KEY,
                            EnduranceRun.SECRET), true).join();
                    socket.sendText(FleetFrames.subscribe(socketId, PRIVATE, "fleet", EnduranceRun.KEY,
                            EnduranceRun.SECRET), true);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
