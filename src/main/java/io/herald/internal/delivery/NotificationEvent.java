package io.herald.internal.delivery;

import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.PrivateChannel;
import io.herald.notifications.Notifier;
import java.util.List;
import java.util.Map;

/** A notification as a {@link CanBroadcast}: on the recipient's private channel, under Laravel's event name. */
record NotificationEvent(String channel, Map<String, Object> payload, Object notification)
        implements CanBroadcast, ServerOriginated {

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new PrivateChannel(channel));
    }

    @Override
    public String broadcastAs() {
        return Notifier.EVENT;
    }

    @Override
    public Object broadcastWith() {
        return payload;
    }

    @Override
    public Object reported() {
        return notification;
    }
}
