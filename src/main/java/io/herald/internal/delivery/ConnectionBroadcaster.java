package io.herald.internal.delivery;

import io.herald.BroadcastUser;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.PresenceMember;
import io.herald.internal.protocol.PresenceData;
import io.herald.internal.protocol.UserData;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletionStage;

/**
 * {@link Broadcaster} bound to a {@link BroadcastDispatcher.Target}: a named connection or the default one (events then
 * go through their own {@code broadcastConnections()}), everyone or all but the current request's browser.
 */
final class ConnectionBroadcaster implements Broadcaster {
    private final BroadcastDispatcher dispatcher;
    private final BroadcastDispatcher.Target target;

    ConnectionBroadcaster(BroadcastDispatcher dispatcher, BroadcastDispatcher.Target target) {
        this.dispatcher = dispatcher;
        this.target = target;
    }

    @Override
    public void channel(String channel, String event, Object data) {
        channel(List.of(Objects.requireNonNull(channel, "channel")), event, data);
    }

    @Override
    public void channel(Collection<String> channels, String event, Object data) {
        dispatcher.send(target, channels, Objects.requireNonNull(event, "event"), Objects.requireNonNull(data, "data"));
    }

    @Override
    public void channel(CanBroadcast event) {
        dispatcher.broadcast(target, Objects.requireNonNull(event, "event"));
    }

    @Override
    public CompletionStage<Void> channelAsync(CanBroadcast event) {
        return dispatcher.enqueue(target, Objects.requireNonNull(event, "event"));
    }

    @Override
    public Broadcaster connection(String otherConnection) {
        return new ConnectionBroadcaster(dispatcher, new BroadcastDispatcher.Target(
                Objects.requireNonNull(otherConnection, "connection"), target.toOthers()));
    }

    @Override
    public Broadcaster toOthers() {
        return new ConnectionBroadcaster(dispatcher, new BroadcastDispatcher.Target(target.connection(), true));
    }

    @Override
    public String authorize(String channelName, String socketId) {
        return dispatcher.connection(target.connection()).signer().authorizePrivate(channelName, socketId);
    }

    @Override
    public String authorize(String channelName, String socketId, PresenceMember member) {
        return dispatcher.connection(target.connection()).signer()
                .authorizePresence(channelName, socketId, PresenceData.channelData(member));
    }

    @Override
    public String authenticateUser(String socketId, BroadcastUser user) {
        return dispatcher.connection(target.connection()).signer().authenticateUser(socketId, UserData.of(user));
    }

    @Override
    public void sendToUser(String userId, String event, Object data) {
        dispatcher.sendToUser(target, userId, Objects.requireNonNull(event, "event"), Objects.requireNonNull(data, "data"));
    }

    @Override
    public void terminateUserConnections(String userId) {
        dispatcher.terminateUserConnections(target.connection(), userId);
    }
}
