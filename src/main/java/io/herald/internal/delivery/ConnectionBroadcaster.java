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

/** {@link Broadcaster} bound to one connection ({@code null}: the default one). */
final class ConnectionBroadcaster implements Broadcaster {
    private final BroadcastDispatcher dispatcher;
    private final String connection;

    ConnectionBroadcaster(BroadcastDispatcher dispatcher, String connection) {
        this.dispatcher = dispatcher;
        this.connection = connection;
    }

    @Override
    public void channel(String channel, String event, Object data) {
        channel(List.of(Objects.requireNonNull(channel, "channel")), event, data);
    }

    @Override
    public void channel(Collection<String> channels, String event, Object data) {
        dispatcher.send(connection, channels, Objects.requireNonNull(event, "event"), Objects.requireNonNull(data, "data"));
    }

    @Override
    public void channel(CanBroadcast event) {
        dispatcher.broadcast(connection, Objects.requireNonNull(event, "event"));
    }

    @Override
    public CompletionStage<Void> channelAsync(CanBroadcast event) {
        return dispatcher.enqueue(connection, Objects.requireNonNull(event, "event"));
    }

    @Override
    public Broadcaster driver(String otherConnection) {
        return new ConnectionBroadcaster(dispatcher, Objects.requireNonNull(otherConnection, "connection"));
    }

    @Override
    public String authorize(String channelName, String socketId) {
        return dispatcher.connection(connection).signer().authorizePrivate(channelName, socketId);
    }

    @Override
    public String authorize(String channelName, String socketId, PresenceMember member) {
        return dispatcher.connection(connection).signer()
                .authorizePresence(channelName, socketId, PresenceData.channelData(member));
    }

    @Override
    public String authenticateUser(String socketId, BroadcastUser user) {
        return dispatcher.connection(connection).signer().authenticateUser(socketId, UserData.of(user));
    }

    @Override
    public void sendToUser(String userId, String event, Object data) {
        dispatcher.sendToUser(connection, userId, Objects.requireNonNull(event, "event"), Objects.requireNonNull(data, "data"));
    }

    @Override
    public void terminateUserConnections(String userId) {
        dispatcher.terminateUserConnections(connection, userId);
    }
}
