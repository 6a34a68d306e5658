package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.PresenceChannel;
import io.herald.PrivateChannel;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.json.PayloadSerializers;
import io.herald.internal.protocol.UserData;
import io.herald.internal.request.RequestSocket;
import io.herald.spi.OutboundEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.ContextNotActiveException;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

/**
 * Turns a {@link CanBroadcast} (or a channel list, name and data) into an {@link OutboundEvent} and hands it to each
 * connection it goes through: the one path every broadcast takes, whether fired as a CDI event or sent through
 * {@link io.herald.Broadcaster}. The event is prepared once (conditions, sender rule, JSON, the socket to leave out)
 * and each connection then delivers, or fails naming itself, on its own.
 *
 * <pre>{@code
 * dispatcher.broadcast(Target.DEFAULT, new NewRelease("4.0.0"));        // now, or BroadcastException
 * dispatcher.enqueue(new Target("pusher", true), new NewRelease("4.0.1"));   // queued, leaving out the caller
 * }</pre>
 */
@ApplicationScoped
class BroadcastDispatcher {

    /**
     * Where a call sends and whom it leaves out.
     *
     * @param connection the connection named by the caller ({@code Broadcaster.driver(name)}), or {@code null}: the
     *     event's own {@code broadcastConnections()}, else the default connection
     * @param toOthers whether the browser that made the current request is left out
     */
    public record Target(String connection, boolean toOthers) {
        /** The event's connections (else the default one), everyone included. */
        public static final Target DEFAULT = new Target(null, false);
    }

    @Inject
    ConfiguredConnections connections;

    @Inject
    CurrentUser currentUser;

    @Inject
    BroadcastFailures failures;

    @Inject
    PayloadSerializers payloads;

    @Inject
    Instance<RequestSocket> requestSocket;

    private boolean privateChannelsRequireUser;

    @PostConstruct
    void readSettings() {
        privateChannelsRequireUser = connections.settings().privateChannelsRequireUser();
    }

    /**
     * Sends a fired event now, through each of its connections.
     *
     * @throws BroadcastException when a connection could not deliver it (the others' failures suppressed in it)
     * @throws IllegalArgumentException when the event is not a {@link CanBroadcast} or names no channels
     */
    public void broadcast(Target target, Object fired) {
        Optional<Prepared> prepared = prepare(target, fired);
        if (prepared.isPresent()) {
            throwFirst(eachConnection(prepared.get(), connection -> {
                connection.send(prepared.get().event());
                return null;
            }));
        }
    }

    /**
     * Queues a fired event on each of its connections; the stage completes once it was delivered through all of them.
     * A failure after queueing is also reported as {@link io.herald.BroadcastFailed}.
     *
     * @throws BroadcastException when a connection cannot queue it
     */
    public CompletableFuture<Void> enqueue(Target target, Object fired) {
        Optional<Prepared> prepared = prepare(target, fired);
        if (prepared.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        Delivery delivery = eachConnection(prepared.get(), connection -> connection.submit(prepared.get().event(), fired));
        throwFirst(delivery);
        return CompletableFuture.allOf(delivery.stages().toArray(CompletableFuture[]::new));
    }

    /**
     * Handles {@code fire()} for the connections with an outbox, while the caller's transaction (if any) is in
     * progress: each stores the event as a row in that transaction, so that a rollback leaves nothing.
     *
     * @throws BroadcastException when a row could not be stored, or the event is over a limit
     */
    public void firedIntoOutboxes(Object fired) {
        CanBroadcast event = requireCanBroadcast(fired);
        if (through(Target.DEFAULT, event).stream().map(ConfiguredConnection::mode).noneMatch(DeliveryMode.OUTBOX::equals)) {
            return;   // the common case, decided before anything is serialised
        }
        Optional<Prepared> prepared = prepare(Target.DEFAULT, fired);
        if (prepared.isPresent()) {
            throwFirst(eachConnection(prepared.get(), connection -> {
                connection.firedInTransaction(prepared.get().event());
                return null;
            }));
        }
    }

    /**
     * Handles {@code fire()}: each connection delivers now, or queues when it is asynchronous. After commit no caller
     * can be told of a failure, so each is logged and fired as {@link io.herald.BroadcastFailed} instead of thrown.
     */
    public void fired(Object fired, boolean afterCommit) {
        Delivery delivery;
        try {
            Optional<Prepared> prepared = prepare(Target.DEFAULT, fired);
            if (prepared.isEmpty()) {
                return;
            }
            delivery = eachConnection(prepared.get(), connection -> connection.fired(prepared.get().event(), fired));
        } catch (RuntimeException e) {
            delivery = new Delivery(List.of(), List.of(e));
        }
        if (!afterCommit) {
            throwFirst(delivery);
        }
        delivery.failures().forEach(e -> failures.afterCommit(e instanceof BroadcastException known ? known
                : describe(fired, e), fired));
    }

    /**
     * Sends {@code data} as {@code event} on exactly these channel names.
     *
     * @throws IllegalArgumentException for an invalid channel name
     * @throws BroadcastException when it could not be delivered
     */
    public void send(Target target, Collection<String> channels, String event, Object data) {
        List<String> names = List.copyOf(new LinkedHashSet<>(channels));
        if (names.isEmpty()) {
            throw HeraldMessages.noChannels(event);
        }
        names.forEach(Channel::new);
        ConfiguredConnection connection = connection(target.connection());
        connection.send(outbound(connection, names, event, data, target.toOthers()));
    }

    /**
     * Sends {@code data} as {@code event} to every connection signed in as {@code userId}.
     *
     * @throws IllegalArgumentException for an invalid user id
     * @throws BroadcastException when it could not be delivered
     */
    public void sendToUser(Target target, String userId, String event, Object data) {
        ConfiguredConnection connection = connection(target.connection());
        connection.send(outbound(connection, List.of(UserData.serverToUserChannel(userId)), event, data,
                target.toOthers()));
    }

    /** Closes every connection signed in as {@code userId}. */
    public void terminateUserConnections(String connection, String userId) {
        connection(connection).terminateUserConnections(UserData.requireUserId(userId));
    }

    /** The connection named {@code name}, or the default one for {@code null}. */
    public ConfiguredConnection connection(String name) {
        return name == null ? connections.byDefault() : connections.named(name);
    }

    /** An event ready to go, and the connections it goes through. */
    private record Prepared(OutboundEvent event, List<ConfiguredConnection> through) {
    }

    /** What handing an event to its connections gave: a stage for each that queued it, and the failures. */
    private record Delivery(List<CompletableFuture<Void>> stages, List<RuntimeException> failures) {
    }

    // The event as it goes out, or empty when it is not to be broadcast or the sender rule left it no channel.
    private Optional<Prepared> prepare(Target target, Object fired) {
        CanBroadcast event = requireCanBroadcast(fired);
        if (!event.broadcastWhen()) {
            return Optional.empty();
        }
        String name = event.broadcastAs();
        List<String> channels = channelsToSendOn(name, event.broadcastOn(), !(event instanceof ServerOriginated));
        if (channels.isEmpty()) {
            return Optional.empty();
        }
        List<ConfiguredConnection> through = through(target, event);
        boolean toOthers = target.toOthers() || event.broadcastToOthers();
        return Optional.of(new Prepared(outbound(through.get(0), channels, name, event.broadcastWith(), toOthers),
                through));
    }

    // The caller's connection, else the event's, else the default one.
    private List<ConfiguredConnection> through(Target target, CanBroadcast event) {
        return target.connection() != null ? List.of(connection(target.connection()))
                : event.broadcastConnections().isEmpty() ? List.of(connections.byDefault())
                : event.broadcastConnections().stream().distinct().map(connections::named).toList();
    }

    // Every connection is tried, whatever happened to the one before.
    private static Delivery eachConnection(Prepared prepared,
            Function<ConfiguredConnection, CompletableFuture<Void>> handOver) {
        List<CompletableFuture<Void>> stages = new ArrayList<>();
        List<RuntimeException> failed = new ArrayList<>();
        for (ConfiguredConnection connection : prepared.through()) {
            try {
                CompletableFuture<Void> stage = handOver.apply(connection);
                if (stage != null) {
                    stages.add(stage);
                }
            } catch (RuntimeException e) {
                failed.add(e);
            }
        }
        return new Delivery(stages, failed);
    }

    private static void throwFirst(Delivery delivery) {
        if (delivery.failures().isEmpty()) {
            return;
        }
        RuntimeException first = delivery.failures().get(0);
        delivery.failures().subList(1, delivery.failures().size()).forEach(first::addSuppressed);
        throw first;
    }

    private OutboundEvent outbound(ConfiguredConnection target, List<String> channels, String event, Object data,
            boolean toOthers) {
        String json;
        try {
            json = payloads.toJson(event, data);
        } catch (IllegalArgumentException e) {
            throw new BroadcastException(target.name(), channels, event, e.getMessage(), e);
        }
        return new OutboundEvent(channels, event, json, toOthers ? currentSocket().orElse(null) : null);
    }

    // The socket of the browser that made the current request; none outside a request.
    private Optional<String> currentSocket() {
        try {
            return requestSocket.isResolvable() ? requestSocket.get().socketId() : Optional.empty();
        } catch (ContextNotActiveException outsideARequest) {
            return Optional.empty();
        }
    }

    private List<String> channelsToSendOn(String event, List<Channel> declared, boolean senderRuleApplies) {
        if (declared == null || declared.isEmpty()) {
            throw HeraldMessages.noChannels(event);
        }
        boolean signedIn = !senderRuleApplies || !privateChannelsRequireUser || currentUser.name().isPresent();
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
