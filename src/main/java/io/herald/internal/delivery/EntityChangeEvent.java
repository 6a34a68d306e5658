package io.herald.internal.delivery;

import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.jpa.BroadcastsChanges;
import io.herald.jpa.EntityChange;
import java.util.List;

/**
 * An entity's change as a {@link CanBroadcast}: Laravel's defaults ({@link EntityChange}), or what the entity decides
 * when it is a {@link BroadcastsChanges}.
 */
record EntityChangeEvent(EntityChange change, BroadcastsChanges decides) implements CanBroadcast, ServerOriginated {
    private static final BroadcastsChanges DEFAULTS = new BroadcastsChanges() {
    };

    static EntityChangeEvent of(EntityChange change) {
        return new EntityChangeEvent(change, change.entity() instanceof BroadcastsChanges own ? own : DEFAULTS);
    }

    @Override
    public List<Channel> broadcastOn() {
        return decides.broadcastOn(change);
    }

    @Override
    public String broadcastAs() {
        return decides.broadcastAs(change);
    }

    @Override
    public Object broadcastWith() {
        return decides.broadcastWith(change);
    }

    @Override
    public boolean broadcastWhen() {
        return decides.broadcastWhen(change);
    }

    @Override
    public Object reported() {
        return change;
    }
}
