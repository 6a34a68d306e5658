package io.herald.internal.delivery;

import io.herald.Broadcast;
import io.herald.CanBroadcast;
import io.herald.internal.HeraldLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Inject;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Receives every event fired with {@link Broadcast @Broadcast}, whatever its type. After {@code fire()} inside a JTA
 * transaction the event goes out once it commits ({@link TransactionProbe}), and without one at once, on the
 * caller's thread, so that a failure reaches the caller (or is queued, with {@code async=true}).
 * {@code fireAsync()} always goes through the connection's queue.
 */
@ApplicationScoped
class BroadcastObserver {

    @Inject
    BroadcastDispatcher dispatcher;

    @Inject
    TransactionProbe transactions;

    // Warned once per event type: the observer cannot see the request that fired it.
    private final Set<Class<?>> toOthersWarned = ConcurrentHashMap.newKeySet();

    // Connections with an outbox store the event in the caller's transaction, before it commits; the others send
    // once it committed (at once without a transaction), as TransactionProbe arranges.
    void onFire(@Observes @Broadcast Object event) {
        dispatcher.firedIntoOutboxes(event);
        if (!transactions.afterCommit(() -> dispatcher.fired(event, true))) {
            dispatcher.fired(event, false);
        }
    }

    // A hand-off: the stage completes once the event is queued (or fails when it cannot be). Waiting here for the
    // delivery would hold one of the container's async threads per event in flight; a delivery that fails later
    // is reported as BroadcastFailed, and Broadcaster.channelAsync offers a stage that follows the delivery itself.
    void onFireAsync(@ObservesAsync @Broadcast Object event) {
        if (event instanceof CanBroadcast wanted && wanted.broadcastToOthers()
                && toOthersWarned.add(event.getClass())) {
            HeraldLog.toOthersWithoutTheRequest(event.getClass().getName());
        }
        dispatcher.enqueue(BroadcastDispatcher.Target.DEFAULT, event);
    }
}
