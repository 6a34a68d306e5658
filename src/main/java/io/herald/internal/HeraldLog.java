package io.herald.internal;

import java.lang.System.Logger;
import java.lang.System.Logger.Level;

/**
 * Herald's numbered log messages, written through the JDK's {@link System.Logger} so that every runtime's
 * logging picks them up without a logging dependency.
 */
public final class HeraldLog {
    private static final Logger LOG = System.getLogger("io.herald");

    private HeraldLog() {
    }

    public static void skippedChannelWithoutUser(String event, String channel) {
        LOG.log(Level.WARNING, "HERALD-0200: Not broadcasting ''{0}'' on {1}: private and presence channels are sent "
                + "only while a user is signed in (set broadcast.private-channels.require-user=false to send from "
                + "jobs)", event, channel);
    }

    public static void failedAfterCommit(String message, Throwable cause) {
        LOG.log(Level.ERROR, "HERALD-0201: " + message + " (after the transaction committed; reported as BroadcastFailed)",
                cause);
    }

    public static void failureObserverFailed(Throwable cause) {
        LOG.log(Level.ERROR, "HERALD-0202: An observer of BroadcastFailed threw", cause);
    }

    public static void logDriverSend(String connection, String event, Object channels, String data, String excluded) {
        LOG.log(Level.INFO, "HERALD-0203: [{0}] {1} on {2}{4}: {3}", connection, event, channels, data,
                excluded == null ? "" : " (not to socket " + excluded + ")");
    }

    public static void driverCloseFailed(String connection, Throwable cause) {
        LOG.log(Level.WARNING, "HERALD-0204: Closing connection '" + connection + "' failed", cause);
    }

    public static void authorizationRefused(String channel, int status, String reason) {
        LOG.log(Level.DEBUG, "HERALD-0205: Channel authorization for ''{0}'' answered {1}: {2}", channel, status, reason);
    }

    // Any client, signed in or not, can make an authorizer throw: a warning without the stack trace, which is
    // logged at DEBUG for the developer fixing the authorizer.
    public static void authorizerFailed(String what, Throwable cause) {
        LOG.log(Level.WARNING, "HERALD-0206: Authorizing " + what + " threw " + cause + "; the request is denied");
        LOG.log(Level.DEBUG, "HERALD-0206: the authorizer's stack trace", cause);
    }

    public static void authorizationUnavailable(String connection) {
        LOG.log(Level.ERROR, "HERALD-0207: A browser asked for authorization, but the default connection '" + connection
                + "' has no key and secret to sign with");
    }

    public static void connectionOpened(String connection, String driver, String threads) {
        LOG.log(Level.INFO, "HERALD-0209: Connection ''{0}'' opened with driver ''{1}''; its queue is sent on {2}",
                connection, driver, threads);
    }

    public static void malformedSocketIdHeader(String value) {
        LOG.log(Level.DEBUG, "HERALD-0210: Ignored the X-Socket-ID header ''{0}'': not a socket id; everyone receives "
                + "the broadcast", value);
    }

    public static void toOthersWithoutTheRequest(String eventType) {
        LOG.log(Level.WARNING, "HERALD-0212: Event ''{0}'' asks to go to others, but fireAsync() observers run outside "
                + "the request that carries X-Socket-ID, so everyone receives it; use fire() (queued when the "
                + "connection has async=true) or broadcaster.toOthers().channelAsync(event)", eventType);
    }

    public static void payloadSerializerChosen(String serializer, String why) {
        LOG.log(Level.INFO, "HERALD-0211: Event payloads are serialised with {0} ({1})", serializer, why);
    }

    public static void queuedDeliveryFailed(String message) {
        LOG.log(Level.ERROR, "HERALD-0208: " + message + " (reported as BroadcastFailed)");
    }

    public static void clusterUnreachable(String prefix, String why) {
        LOG.log(Level.WARNING, "HERALD-0213: The cluster ''{0}'' cannot reach Redis ({1}): this instance serves its own "
                + "connections, events are not delivered (the delivery engine retries them), the REST API answers "
                + "503 and readiness is DOWN until Redis is back", prefix, why);
    }

    public static void clusterReachableAgain(String prefix) {
        LOG.log(Level.INFO, "HERALD-0214: The cluster ''{0}'' reaches Redis again; this instance re-registered its "
                + "connections", prefix);
    }

    public static void unknownClusterMessage(String prefix) {
        LOG.log(Level.WARNING, "HERALD-0215: Ignored a message on ''{0}:bus'' that is not Herald''s: is another "
                + "application or version using the same redis.prefix?", prefix);
    }

    public static void clusterMessageFailed(Throwable cause) {
        LOG.log(Level.ERROR, "HERALD-0216: A message from the cluster could not be delivered to this instance's "
                + "connections", cause);
    }

    public static void channelEventObserverFailed(String event, String channel, Throwable cause) {
        LOG.log(Level.ERROR, "HERALD-0217: An observer of " + event + " on '" + Excerpt.of(channel) + "' threw; "
                + "clients are not affected", cause);
    }

    public static void channelEventDropped(String connection, int capacity) {
        LOG.log(Level.ERROR, "HERALD-0218: A channel event of connection ''{0}'' was not handed to observers: {1} "
                + "events are already waiting for slow observers", connection, capacity);
    }

    public static void webhookFailed(String connection, String host, int events, String problem) {
        LOG.log(Level.ERROR, "HERALD-0219: A webhook of connection ''{0}'' with {1} event(s) was not accepted by "
                + "{2} ({3}) and is given up", connection, events, host, problem);
    }

    public static void webhookDropped(String connection, int capacity) {
        LOG.log(Level.ERROR, "HERALD-0220: A channel event of connection ''{0}'' was not sent as a webhook: {1} events "
                + "are already waiting to be sent", connection, capacity);
    }

    public static void outboxUnreachable(String connection, String why) {
        LOG.log(Level.WARNING, "HERALD-0221: The outbox of connection ''{0}'' cannot reach its data source ({1}): "
                + "rows wait, readiness is DOWN, the relay tries again", connection, why);
    }

    public static void outboxReachableAgain(String connection) {
        LOG.log(Level.INFO, "HERALD-0222: The outbox of connection ''{0}'' reaches its data source again", connection);
    }

    public static void failureNotReported(String failure, Throwable cause) {
        LOG.log(Level.ERROR, "HERALD-0223: " + failure + " (could not be reported as BroadcastFailed: "
                + cause + "; the application may have stopped)");
    }

    public static void outboxDeferring(String connection, String reason, long maxBackoffSeconds, long giveUpSeconds) {
        LOG.log(Level.WARNING, "HERALD-0224: The outbox of connection ''{0}'' could not deliver ({1}): its rows stay "
                + "pending and are tried again, waiting up to {2} s between tries, until they are {3} s old",
                connection, reason, maxBackoffSeconds, giveUpSeconds);
    }

    public static void outboxDeliversAgain(String connection) {
        LOG.log(Level.INFO, "HERALD-0225: The outbox of connection ''{0}'' delivers again", connection);
    }

    public static void restApiAtRoot(String path, java.util.List<String> connections) {
        LOG.log(Level.INFO, "HERALD-0226: Pusher''s HTTP API of connection(s) {1} is served at {0} as well",
                path, connections);
    }

    public static void originRefused(String origin) {
        LOG.log(Level.DEBUG, "HERALD-0227: A WebSocket handshake from origin ''{0}'' was refused: no local connection "
                + "allows it (counted as herald.local.refused, reason origin)", Excerpt.of(origin == null ? "" : origin));
    }

    public static void anyOrigin(String connection) {
        LOG.log(Level.INFO, "HERALD-0228: Connection ''{0}'' accepts WebSocket connections from any origin; set "
                + "broadcast.{0}.allowed-origins to limit them", connection);
    }

    public static void guardFailed(String connection, String channel, Throwable failure) {
        LOG.log(Level.WARNING, "HERALD-0229: The PublicSubscriptionGuard failed on a subscription to '" + channel
                + "' of connection '" + connection + "', which is refused", failure);
    }

    public static void overRestLimit(String appId, String what, int limit) {
        LOG.log(Level.DEBUG, "HERALD-0230: A REST request to app ''{0}'' was refused with 429: over {2} {1} a second "
                + "(counted as herald.local.refused)", appId, what, limit);
    }

    public static void publicSubscriptionRefused(String channel, int status, String reason) {
        LOG.log(Level.DEBUG, "HERALD-0231: The PublicSubscriptionGuard refused a subscription to ''{0}'' ({1}: {2})",
                Excerpt.of(channel), status, Excerpt.of(reason));
    }

    public static void channelFull(String channel, int maxSubscribers) {
        LOG.log(Level.DEBUG, "HERALD-0232: A subscription to ''{0}'' was refused with 4100: the channel has its {1} "
                + "subscribers (max-subscribers; counted as herald.local.refused)", Excerpt.of(channel), maxSubscribers);
    }

    public static void entityChangeFailed(String change, String reason, Throwable cause) {
        LOG.log(Level.ERROR, "HERALD-0233: " + change + " could not be broadcast: " + reason
                + " (the transaction is not affected; reported as BroadcastFailed)", cause);
    }

    public static void joinedTransactionLate(String change) {
        LOG.log(Level.WARNING, "HERALD-0234: " + change + " was reported while its transaction was completing and "
                + "Herald could not wait for the outcome, so it is broadcast now; list ChangeBroadcaster in the "
                + "entity's @EntityListeners so that Herald joins the transaction when the entity is loaded");
    }

    public static void authorizersCheckedLater(String bean, Throwable cause) {
        LOG.log(Level.WARNING, "HERALD-0235: ChannelAuthorizer " + bean + " could not be created when the "
                + "application started (" + cause + "), so the authorizers' patterns are checked at the first "
                + "authorization request");
    }

    public static void consoleAction(String who, String what) {
        LOG.log(Level.INFO, "HERALD-0236: Console: {0} {1}", who, what);
    }
}
