package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.PresenceChannel;
import io.herald.PrivateChannel;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.spi.OutboundEvent;
import io.herald.internal.protocol.UserData;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.Set;

/**
 * Turns a {@link CanBroadcast} (or a channel list, name and data) into an {@link OutboundEvent} and sends it
 * through a connection: the one path every broadcast takes, whether fired as a CDI event or sent through
 * {@link io.herald.Broadcaster}.
 */
@ApplicationScoped
public class BroadcastDispatcher {

    @Inject
    Connections connections;

    @Inject
    CurrentUser currentUser;

    @Inject
    BroadcastFailures failures;

    private boolean privateChannelsRequireUser;

    @PostConstruct
    void readSettings() {
        privateChannelsRequireUser = connections.settings().privateChannelsRequireUser();
    }

    /**
     * Sends a fired event through {@code connection} ({@code null} for the default), or throws.
     *
     * @throws BroadcastException when it could not be delivered
     * @throws IllegalArgumentException when the event is not a {@link CanBroadcast} or names no channels
     */
    public void broadcast(String connection, Object fired) {
        Connection target = connection(connection);
        prepare(target, fired).ifPresent(target::send);
    }

    /**
     * Queues a fired event on {@code connection} ({@code null} for the default); the stage completes once it was
     * delivered. A failure after queueing is also reported as {@link io.herald.BroadcastFailed}.
     *
     * @throws BroadcastException when it cannot be queued
     */
    public CompletableFuture<Void> enqueue(String connection, Object fired) {
        Connection target = connection(connection);
        return prepare(target, fired).map(event -> target.submit(event, fired))
                .orElseGet(() -> CompletableFuture.completedFuture(null));
    }

    /**
     * Handles {@code fire()}: delivers now, or queues when the default connection is asynchronous. After commit no
     * caller can be told of a failure, so it is logged and fired as {@link io.herald.BroadcastFailed} instead of thrown.
     */
    public void fired(Object fired, boolean afterCommit) {
        try {
            if (connection(null).firesThroughQueue()) {
                enqueue(null, fired);
            } else {
                broadcast(null, fired);
            }
        } catch (RuntimeException e) {
            if (!afterCommit) {
                throw e;
            }
            failures.afterCommit(e instanceof BroadcastException known ? known : describe(fired, e), fired);
        }
    }

    // The event as it goes out, or empty when the sender rule left it no channel.
    private Optional<OutboundEvent> prepare(Connection target, Object fired) {
        CanBroadcast event = requireCanBroadcast(fired);
        String name = event.broadcastAs();
        List<String> channels = channelsToSendOn(name, event.broadcastOn());
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(outbound(target, channels, name, event.broadcastWith()));
    }

    /**
     * Sends {@code data} as {@code event} on exactly these channel names.
     *
     * @throws IllegalArgumentException for an invalid channel name
     * @throws BroadcastException when it could not be delivered
     */
    public void send(String connection, Collection<String> channels, String event, Object data) {
        Connection target = connection(connection);
        List<String> names = List.copyOf(new LinkedHashSet<>(channels));
        if (names.isEmpty()) {
            throw HeraldMessages.noChannels(event);
        }
        names.forEach(Channel::new);
        target.send(outbound(target, names, event, data));
    }

    private static OutboundEvent outbound(Connection target, List<String> channels, String event, Object data) {
        try {
            return new OutboundEvent(channels, event, Payloads.toJson(event, data), null);
        } catch (IllegalArgumentException e) {
            throw new BroadcastException(target.name(), channels, event, e.getMessage(), e);
        }
    }

    /**
     * Sends {@code data} as {@code event} to every connection signed in as {@code userId}.
     *
     * @throws IllegalArgumentException for an invalid user id
     * @throws BroadcastException when it could not be delivered
     */
    public void sendToUser(String connection, String userId, String event, Object data) {
        Connection target = connection(connection);
        target.send(outbound(target, List.of(UserData.serverToUserChannel(userId)), event, data));
    }

    /** Closes every connection signed in as {@code userId}. */
    public void terminateUserConnections(String connection, String userId) {
        connection(connection).terminateUserConnections(UserData.requireUserId(userId));
    }

    /** The connection named {@code name}, or the default one for {@code null}. */
    public Connection connection(String name) {
        return name == null ? connections.byDefault() : connections.named(name);
    }

    private List<String> channelsToSendOn(String event, List<Channel> declared) {
        if (declared == null || declared.isEmpty()) {
            throw HeraldMessages.noChannels(event);
        }
        boolean checkUser = privateChannelsRequireUser;
        boolean signedIn = !checkUser || currentUser.name().isPresent();
        Set<String> names = new LinkedHashSet<>();
        for (Channel channel : declared) {
            if (channel == null) {
                throw HeraldMessages.noChannels(event);
            }
            if (!signedIn && (channel instanceof PrivateChannel || channel instanceof PresenceChannel)) {
                HeraldLog.skippedChannelWithoutUser(event, channel.name());
            } else {
                names.add(channel.name());
            }
        }
        return new ArrayList<>(names);
    }

    private static CanBroadcast requireCanBroadcast(Object fired) {
        if (fired instanceof CanBroadcast event) {
            return event;
        }
        throw HeraldMessages.firedNotCanBroadcast(fired.getClass());
    }

    private BroadcastException describe(Object fired, RuntimeException cause) {
        String event = fired instanceof CanBroadcast known ? safeName(known) : fired.getClass().getName();
        return new BroadcastException(connections.settings().defaultConnection(), List.of(), event,
                String.valueOf(cause.getMessage()), cause);
    }

    private static String safeName(CanBroadcast event) {
        try {
            return event.broadcastAs();
        } catch (RuntimeException e) {
            return event.getClass().getSimpleName();
        }
    }
}
