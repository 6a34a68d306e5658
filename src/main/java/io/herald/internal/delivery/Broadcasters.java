package io.herald.internal.delivery;

import io.herald.Broadcaster;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;

/** Makes the injectable {@link Broadcaster}: the default connection's. */
@ApplicationScoped
class Broadcasters {

    @Produces
    @ApplicationScoped
    Broadcaster onDefaultConnection(BroadcastDispatcher dispatcher) {
        return new ConnectionBroadcaster(dispatcher, BroadcastDispatcher.Target.DEFAULT);
    }
}
