package it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import com.pusher.client.connection.ConnectionEventListener;
import com.pusher.client.connection.ConnectionState;
import com.pusher.client.connection.ConnectionStateChange;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/**
 * An application replaced while browsers are connected (a redeployment, a live reload) has their connections closed
 * with 4200, Pusher's "reconnect now" (or 4100, "reconnect after a second", where the runtime needs that), and a client
 * that reconnects receives the new application's events. Each runtime says how it replaces the application.
 */
public interface RedeploymentScenario {

    /** Where the application's root is. */
    URI applicationUri();

    /** Replaces the running application with a new instance of it, returning once the new one answers. */
    void redeploy() throws Exception;

    /** The code connections are closed with: 4200, "reconnect now", unless the runtime needs a delay first. */
    default int closeCode() {
        return 4200;
    }

    @Test
    default void redeploymentSendsConnectedClientsToTheNewApplication() throws Exception {
        URI base = applicationUri();
        CompletableFuture<Integer> closedWith = new CompletableFuture<>();
        WebSocket bare = HttpClient.newHttpClient().newWebSocketBuilder()
                .buildAsync(URI.create("ws://" + base.getHost() + ":" + base.getPort() + "/app/" + RuntimeScenarios.KEY
                        + "?protocol=7&client=it&version=1"), new WebSocket.Listener() {
                    @Override
                    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                        closedWith.complete(statusCode);
                        return null;
                    }
                }).get(20, TimeUnit.SECONDS);
        BlockingQueue<ConnectionState> states = new LinkedBlockingQueue<>();
        BlockingQueue<String> subscriptions = new LinkedBlockingQueue<>();
        BlockingQueue<PusherEvent> events = new LinkedBlockingQueue<>();
        Pusher pusher = new Pusher(RuntimeScenarios.KEY, new PusherOptions().setHost(base.getHost())
                .setWsPort(base.getPort()).setUseTLS(false));
        try {
            pusher.connect(new ConnectionEventListener() {
                @Override
                public void onConnectionStateChange(ConnectionStateChange change) {
                    states.add(change.getCurrentState());
                }

                @Override
                public void onError(String message, String code, Exception e) {
                }
            }, ConnectionState.ALL);
            pusher.subscribe("releases", new ChannelEventListener() {
                @Override
                public void onSubscriptionSucceeded(String channelName) {
                    subscriptions.add(channelName);
                }

                @Override
                public void onEvent(PusherEvent event) {
                    events.add(event);
                }
            }, "NewRelease");
            assertNotNull(subscriptions.poll(20, TimeUnit.SECONDS), "subscribed before the redeployment");

            redeploy();

            assertEquals(closeCode(), closedWith.get(60, TimeUnit.SECONDS), "the old application's connection closed");
            awaitState(states, state -> state != ConnectionState.CONNECTED, "left CONNECTED");
            awaitState(states, state -> state == ConnectionState.CONNECTED, "CONNECTED again");
            assertNotNull(subscriptions.poll(30, TimeUnit.SECONDS), "subscribed again after reconnecting");
            HttpResponse<String> fired = HttpClient.newHttpClient().send(HttpRequest.newBuilder(base.resolve(
                    "releases/5.0.0")).POST(HttpRequest.BodyPublishers.noBody()).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(204, fired.statusCode(), fired.body());
            PusherEvent event = events.poll(20, TimeUnit.SECONDS);
            assertNotNull(event, "the new application's event reached the reconnected client");
            assertTrue(event.getData().contains("5.0.0"), event.getData());
        } finally {
            pusher.disconnect();
            bare.abort();
        }
    }

    private static void awaitState(BlockingQueue<ConnectionState> states, Predicate<ConnectionState> wanted,
            String what) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        while (System.nanoTime() < deadline) {
            ConnectionState state = states.poll(1, TimeUnit.SECONDS);
            if (state != null && wanted.test(state)) {
                return;
            }
        }
        throw new AssertionError("pusher-java-client never " + what);
    }
}
