package it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pusher.client.Pusher;
import com.pusher.client.PusherOptions;
import com.pusher.client.channel.ChannelEventListener;
import com.pusher.client.channel.PusherEvent;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * A {@code @Broadcast} event fired inside the runtime's own JTA transaction ({@code @Transactional}) goes out after
 * commit: a transaction that rolls back after firing sends nothing, one that commits is delivered. The application's
 * {@code receipts} endpoints fire a numbered receipt each; a pusher-java-client listens on {@code receipts}.
 */
public interface TransactionScenario {

    /** Where the application's root is. */
    URI applicationUri();

    @Test
    default void aBroadcastFiredInATransactionThatRollsBackIsNeverSentAndOneThatCommitsIs() throws Exception {
        URI base = applicationUri();
        BlockingQueue<String> receipts = new LinkedBlockingQueue<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        Pusher pusher = new Pusher(RuntimeScenarios.KEY, new PusherOptions().setHost(base.getHost())
                .setWsPort(base.getPort()).setUseTLS(false));
        try {
            pusher.connect();
            pusher.subscribe("receipts", new ChannelEventListener() {
                @Override
                public void onSubscriptionSucceeded(String channelName) {
                    subscribed.countDown();
                }

                @Override
                public void onEvent(PusherEvent event) {
                    receipts.add(event.getData());
                }
            }, "Receipt");
            assertTrue(subscribed.await(20, TimeUnit.SECONDS), "subscribed to receipts");

            assertEquals(409, post(base.resolve("receipts/rollback/1")), "the transaction that rolls back");
            assertEquals(204, post(base.resolve("receipts/commit/2")), "the transaction that commits");

            // A receipt sent at fire() would have been handed over before both committed ones, and so have arrived.
            assertEquals(204, post(base.resolve("receipts/commit/3")), "a second transaction that commits");
            List<String> committed = List.of("{\"seq\":2}", "{\"seq\":3}");
            List<String> received = new ArrayList<>();
            while (!received.containsAll(committed)) {
                String next = receipts.poll(20, TimeUnit.SECONDS);
                assertTrue(next != null, "the committed receipts delivered; received " + received);
                received.add(next);
            }
            assertEquals(committed, received.stream().sorted().toList(),
                    "the committed receipts, nothing of the rolled-back transaction");
        } finally {
            pusher.disconnect();
        }
    }

    private static int post(URI uri) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.noBody())
                .build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
