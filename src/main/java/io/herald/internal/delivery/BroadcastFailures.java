package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.BroadcastFailed;
import io.herald.internal.HeraldLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;

/**
 * The one place a broadcast no caller can be told about is reported: logged once and fired once as
 * {@link BroadcastFailed}, whether it was queued and given up on, or sent after its transaction committed.
 *
 * <pre>{@code
 * failures.undelivered(failure, fired);   // HERALD-0208, then BroadcastFailed
 * failures.afterCommit(failure, fired);   // HERALD-0201, then BroadcastFailed
 * }</pre>
 */
@ApplicationScoped
class BroadcastFailures {

    @Inject
    Event<BroadcastFailed> failed;

    /** A queued event given up on, after its last attempt or because the application stopped. */
    void undelivered(BroadcastException failure, Object payload) {
        HeraldLog.queuedDeliveryFailed(failure.getMessage());
        fire(failure, payload);
    }

    /** An event fired inside a transaction that could not be sent once it committed. */
    void afterCommit(BroadcastException failure, Object payload) {
        HeraldLog.failedAfterCommit(failure.getMessage(), failure);
        fire(failure, payload);
    }

    /** A broadcast Herald could not even prepare, already logged by the caller. */
    void report(BroadcastException failure, Object payload) {
        fire(failure, payload);
    }

    private void fire(BroadcastException failure, Object payload) {
        Object handedOver = payload instanceof ServerOriginated made ? made.reported() : payload;
        try {
            failed.fire(new BroadcastFailed(failure.connection(), failure.channels(), failure.event(), handedOver,
                    failure));
        } catch (RuntimeException e) {
            HeraldLog.failureObserverFailed(e);
        }
    }
}
