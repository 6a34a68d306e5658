package io.herald.internal.delivery;

import io.herald.Broadcast;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.event.TransactionPhase;
import jakarta.inject.Inject;
import java.util.concurrent.CompletionException;

/**
 * Receives every event fired with {@link Broadcast @Broadcast}, whatever its type. {@code fire()} is observed
 * {@code AFTER_SUCCESS}: inside a JTA transaction the event goes out after commit, and without one at once, on
 * the caller's thread, so that a failure reaches the caller (or is queued, with {@code async=true}).
 * {@code fireAsync()} always goes through the connection's queue.
 */
@ApplicationScoped
class BroadcastObserver {

    @Inject
    BroadcastDispatcher dispatcher;

    @Inject
    TransactionProbe transactions;

    void onFire(@Observes(during = TransactionPhase.AFTER_SUCCESS) @Broadcast Object event) {
        dispatcher.fired(event, transactions.inTransaction());
    }

    // The container's async thread waits for the queue's verdict so that the stage fails when delivery does; a
    // ForkJoinPool (Weld's default) makes up for the waiting thread, as join() blocks it in a managed way.
    void onFireAsync(@ObservesAsync @Broadcast Object event) {
        try {
            dispatcher.enqueue(null, event).join();
        } catch (CompletionException e) {
            throw e.getCause() instanceof RuntimeException cause ? cause : e;
        }
    }
}
