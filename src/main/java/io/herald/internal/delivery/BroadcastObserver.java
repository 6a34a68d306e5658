package io.herald.internal.delivery;

import io.herald.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;

/**
 * Receives every event fired with {@link Broadcast @Broadcast}, whatever its type. {@code fire()} is observed
 * {@code AFTER_SUCCESS}: inside a JTA transaction the event goes out after commit, and without one at once, on
 * the caller's thread, so that a failure reaches the caller.
 */
@ApplicationScoped
class BroadcastObserver {

    @Inject
    BroadcastDispatcher dispatcher;

    @Inject
    TransactionProbe transactions;

    void onFire(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Broadcast Object event) {
        if (transactions.inTransaction()) {
            dispatcher.broadcastOrReport(event);
        } else {
            dispatcher.broadcast(null, event);
        }
    }

    void onFireAsync(@ObservesAsync @Broadcast Object event) {
        dispatcher.broadcast(null, event);
    }
}
