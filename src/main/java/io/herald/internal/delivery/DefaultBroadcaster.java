package io.herald.internal.delivery;

import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.PresenceMember;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Collection;

/** The injectable {@link Broadcaster}: the default connection's. */
@ApplicationScoped
class DefaultBroadcaster implements Broadcaster {

    @Inject
    BroadcastDispatcher dispatcher;

    private Broadcaster onDefault;

    @PostConstruct
    void bind() {
        onDefault = new ConnectionBroadcaster(dispatcher, null);
    }

    @Override
    public void channel(String channel, String event, Object data) {
        onDefault.channel(channel, event, data);
    }

    @Override
    public void channel(Collection<String> channels, String event, Object data) {
        onDefault.channel(channels, event, data);
    }

    @Override
    public void channel(CanBroadcast event) {
        onDefault.channel(event);
    }

    @Override
    public Broadcaster driver(String connection) {
        return onDefault.driver(connection);
    }

    @Override
    public String authorize(String channelName, String socketId) {
        return onDefault.authorize(channelName, socketId);
    }

    @Override
    public String authorize(String channelName, String socketId, PresenceMember member) {
        return onDefault.authorize(channelName, socketId, member);
    }
}
