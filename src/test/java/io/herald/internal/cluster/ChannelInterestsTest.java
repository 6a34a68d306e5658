package io.herald.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.ManualTime;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import org.junit.jupiter.api.Test;

/**
 * Routing by interest, as an instance keeps it: which channels' events it subscribes to, when a subscriber may be
 * told it subscribed, and when a channel it no longer serves is let go. Time is moved by hand.
 */
class ChannelInterestsTest {
    private static final Duration LINGER = Duration.ofSeconds(5);

    private final ManualTime time = new ManualTime();
    private final ChannelInterests interests = new ChannelInterests(time, LINGER);
    private final List<String> subscribed = new ArrayList<>();
    private final List<String> unsubscribed = new ArrayList<>();

    @Test
    void theFirstHoldSubscribesAndTheOthersDoNot() {
        interests.hold("orders", subscribed::add);
        interests.hold("orders", subscribed::add);
        interests.hold("invoices", subscribed::add);

        assertThat(subscribed).containsExactly("orders", "invoices");
    }

    @Test
    void aHoldCompletesOnlyOnceTheSubscriptionIsConfirmed() {
        CompletionStage<Void> first = interests.hold("orders", subscribed::add);
        CompletionStage<Void> second = interests.hold("orders", subscribed::add);
        assertThat(first.toCompletableFuture()).isNotDone();
        assertThat(second.toCompletableFuture()).isNotDone();

        interests.confirmed("orders");

        assertThat(first.toCompletableFuture()).isCompleted();
        assertThat(second.toCompletableFuture()).isCompleted();
        assertThat(interests.hold("orders", subscribed::add).toCompletableFuture()).isCompleted();
    }

    @Test
    void aChannelNobodyHoldsIsUnsubscribedAfterTheLingerOnly() {
        interests.hold("orders", subscribed::add);
        interests.confirmed("orders");
        interests.release("orders");

        time.sleep(LINGER.minusMillis(1));
        interests.expire(unsubscribed::add);
        assertThat(unsubscribed).isEmpty();

        time.sleep(Duration.ofMillis(1));
        interests.expire(unsubscribed::add);
        assertThat(unsubscribed).containsExactly("orders");
        assertThat(interests.channels()).isEmpty();
    }

    @Test
    void aChannelHeldAgainWithinTheLingerIsKeptWithoutSubscribingAgain() {
        interests.hold("orders", subscribed::add);
        interests.confirmed("orders");
        interests.release("orders");
        time.sleep(Duration.ofSeconds(1));

        CompletionStage<Void> again = interests.hold("orders", subscribed::add);
        time.sleep(LINGER);
        interests.expire(unsubscribed::add);

        assertThat(again.toCompletableFuture()).isCompleted();
        assertThat(subscribed).containsExactly("orders");
        assertThat(unsubscribed).isEmpty();
    }

    @Test
    void aChannelStillHeldByOneIsNeverUnsubscribed() {
        interests.hold("orders", subscribed::add);
        interests.hold("orders", subscribed::add);
        interests.confirmed("orders");
        interests.release("orders");

        time.sleep(LINGER.multipliedBy(10));
        interests.expire(unsubscribed::add);

        assertThat(unsubscribed).isEmpty();
    }

    @Test
    void anUnconfirmedSubscriptionIsKeptSoThatItsConfirmationIsNotTakenForALaterOne() {
        interests.hold("orders", subscribed::add);
        interests.release("orders");
        time.sleep(LINGER.multipliedBy(2));

        interests.expire(unsubscribed::add);

        assertThat(unsubscribed).isEmpty();
        assertThat(interests.channels()).containsExactly("orders");
    }

    @Test
    void aRefusedSubscriptionIsSentAgainOnceAndCompletesWhenConfirmed() {
        CompletionStage<Void> hold = interests.hold("orders", subscribed::add);
        interests.refused("orders");

        interests.resubscribeRefused(subscribed::add);
        interests.resubscribeRefused(subscribed::add);
        interests.confirmed("orders");

        assertThat(subscribed).containsExactly("orders", "orders");
        assertThat(hold.toCompletableFuture()).isCompleted();
    }

    @Test
    void aResubscriptionAfterAReconnectionChangesNothing() {
        interests.hold("orders", subscribed::add);
        interests.confirmed("orders");
        interests.release("orders");
        interests.confirmed("orders");   // Lettuce subscribed again by itself

        time.sleep(LINGER);
        interests.expire(unsubscribed::add);

        assertThat(unsubscribed).containsExactly("orders");
    }

    @Test
    void aConfirmationForAChannelNotHeldIsIgnored() {
        interests.confirmed("orders");

        assertThat(interests.channels()).isEmpty();
    }
}
