package io.herald.internal.cluster;

import io.herald.internal.background.Ticker;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;

/**
 * Routing by interest: the channels whose events this instance listens to, because a connection here holds them.
 * Each hold is counted; the first sends a subscription (to Redis) and its stage completes once that subscription is
 * confirmed, so that every event published afterwards reaches this instance. A channel nobody here holds any more is
 * kept for {@code linger} before it is unsubscribed, so that a connection that leaves and comes back (or the churn of
 * a busy channel) does not subscribe and unsubscribe again and again.
 *
 * <pre>{@code
 * interests.hold("orders", redis::subscribe).thenRun(() -> confirmSubscriber());
 * interests.confirmed("orders");                   // Redis answered the SUBSCRIBE
 * interests.release("orders");
 * interests.expire(redis::unsubscribe);            // on the heartbeat: unused for linger
 * interests.resubscribeRefused(redis::subscribe);  // on the heartbeat: refused while Redis was away
 * }</pre>
 *
 * <p>The subscribe and unsubscribe actions are called under this object's lock, so that Redis receives them in the
 * order the holds and expiries happened here; they must only send.
 */
final class ChannelInterests {
    private final Ticker ticker;
    private final Duration linger;
    private final Map<String, Interest> byChannel = new HashMap<>();

    private static final class Interest {
        int holders;
        boolean confirmed;
        boolean refused;
        long unusedSince;
        final List<CompletableFuture<Void>> waiting = new ArrayList<>();
    }

    ChannelInterests(Ticker ticker, Duration linger) {
        this.ticker = ticker;
        this.linger = linger;
    }

    /**
     * Counts a holder of {@code channel}; {@code subscribe} is called when this instance did not listen to it yet.
     * The stage completes once it does (at once when it already did).
     */
    synchronized CompletionStage<Void> hold(String channel, Consumer<String> subscribe) {
        Interest interest = byChannel.get(channel);
        if (interest == null) {
            interest = new Interest();
            byChannel.put(channel, interest);
            subscribe.accept(channel);
        }
        interest.holders++;
        if (interest.confirmed) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> ready = new CompletableFuture<>();
        interest.waiting.add(ready);
        return ready;
    }

    /** One holder of {@code channel} fewer. */
    synchronized void release(String channel) {
        Interest interest = byChannel.get(channel);
        if (interest != null && interest.holders > 0 && --interest.holders == 0) {
            interest.unusedSince = ticker.nanos();
        }
    }

    /** The subscription to {@code channel} is confirmed: its waiting holds complete (outside the lock). */
    void confirmed(String channel) {
        List<CompletableFuture<Void>> ready;
        synchronized (this) {
            Interest interest = byChannel.get(channel);
            if (interest == null || interest.confirmed) {
                return;   // one this instance no longer wants, or a resubscription after a reconnection
            }
            interest.confirmed = true;
            ready = List.copyOf(interest.waiting);
            interest.waiting.clear();
        }
        ready.forEach(waiting -> waiting.complete(null));
    }

    /**
     * Forgets the confirmed channels nobody here has held for {@code linger}, calling {@code unsubscribe} for each.
     * One whose subscription is not confirmed yet is kept, so that its confirmation is never taken for a later one's.
     */
    synchronized void expire(Consumer<String> unsubscribe) {
        long now = ticker.nanos();
        byChannel.entrySet().removeIf(entry -> {
            Interest interest = entry.getValue();
            boolean expired = interest.holders == 0 && interest.confirmed
                    && now - interest.unusedSince >= linger.toNanos();
            if (expired) {
                unsubscribe.accept(entry.getKey());
            }
            return expired;
        });
    }

    /** The subscription to {@code channel} could not be sent (Redis was away): {@link #resubscribeRefused} sends it again. */
    synchronized void refused(String channel) {
        Interest interest = byChannel.get(channel);
        if (interest != null && !interest.confirmed) {
            interest.refused = true;
        }
    }

    /** Sends again the subscriptions that were refused, once Redis can be reached again. */
    synchronized void resubscribeRefused(Consumer<String> subscribe) {
        byChannel.forEach((channel, interest) -> {
            if (interest.refused) {
                interest.refused = false;
                subscribe.accept(channel);
            }
        });
    }

    /** The channels this instance listens to or is subscribing to. */
    synchronized List<String> channels() {
        return List.copyOf(byChannel.keySet());
    }
}
