package io.herald.internal;

import java.util.List;

/** Herald's numbered exception messages, in one place so that each text and number is defined once. */
public final class HeraldMessages {

    private HeraldMessages() {
    }

    /**
     * One entry per missing setting, its alternatives joined by {@code |}:
     * {@code broadcast.pusher.client|broadcast.pusher.key} reads {@code 'broadcast.pusher.client' (or 'broadcast.pusher.key')}.
     */
    public static IllegalStateException missingProperties(List<String> properties) {
        List<String> quoted = properties.stream().map(HeraldMessages::quotedAlternatives).toList();
        return new IllegalStateException("HERALD-0001: Missing configuration propert"
                + (quoted.size() == 1 ? "y " : "ies ") + String.join(", ", quoted));
    }

    private static String quotedAlternatives(String alternatives) {
        String[] names = alternatives.split("\\|");
        String first = "'" + names[0] + "'";
        return names.length == 1 ? first
                : first + " (or '" + String.join("' or '", List.of(names).subList(1, names.length)) + "')";
    }

    public static IllegalStateException unknownDriver(String property, String driver, Object known) {
        return new IllegalStateException("HERALD-0002: Unknown broadcast driver '" + driver + "' in '" + property
                + "'; known drivers: " + known);
    }

    public static IllegalStateException invalidProperty(String property, String expected) {
        return new IllegalStateException("HERALD-0003: Property '" + property + "' must be " + expected);
    }

    public static String platformTooOld(String missing) {
        return "HERALD-0026: Herald needs CDI 4.0 or later (Jakarta EE 10, MicroProfile 6); this container's CDI has no "
                + missing + ", so it is CDI 3.0 (Jakarta EE 9.1) or older";
    }

    public static IllegalStateException webSocketMissing(String connection) {
        return new IllegalStateException("HERALD-0027: Connection '" + connection + "' uses the local driver, which "
                + "serves browsers over WebSocket, but this application has no Jakarta WebSocket: enable it (Open Liberty: "
                + "feature websocket-2.1; Quarkus: quarkus-websockets; Helidon: helidon-microprofile-websocket; WildFly, "
                + "Payara and GlassFish have it)");
    }

    public static IllegalStateException reservedConnectionName(String name) {
        return new IllegalStateException("HERALD-0004: '" + name + "' is reserved under broadcast.* and cannot name a connection");
    }

    public static String notCanBroadcast(String where, String type) {
        return "HERALD-0005: " + where + " is qualified @Broadcast, but " + type
                + " does not implement io.herald.CanBroadcast";
    }

    public static IllegalArgumentException firedNotCanBroadcast(Class<?> type) {
        return new IllegalArgumentException("HERALD-0006: An event of type " + type.getName()
                + " was fired with @Broadcast, but it does not implement io.herald.CanBroadcast");
    }

    public static IllegalArgumentException noChannels(String event) {
        return new IllegalArgumentException("HERALD-0007: Event '" + event + "' has no channels to broadcast on");
    }

    public static IllegalArgumentException invalidEventName(String event, String why) {
        return new IllegalArgumentException("HERALD-0008: Invalid event name '" + event + "': " + why);
    }

    public static IllegalArgumentException payloadTooLarge(String event, int bytes, int limit) {
        return new IllegalArgumentException("HERALD-0009: Payload of event '" + event + "' is " + bytes
                + " bytes; the limit is " + limit + " bytes");
    }

    public static IllegalArgumentException invalidSocketId(String socketId) {
        return new IllegalArgumentException("HERALD-0010: Invalid socket id '" + socketId
                + "': expected two runs of digits joined by a dot, like 1234.5678");
    }

    public static IllegalArgumentException notAuthorizable(String channel, String expected) {
        return new IllegalArgumentException("HERALD-0011: Channel '" + channel + "' is not " + expected);
    }

    public static IllegalStateException noCredentials(String connection, String driver) {
        return new IllegalStateException("HERALD-0012: Connection '" + connection + "' (driver '" + driver
                + "') has no key and secret to sign authorizations with");
    }

    public static IllegalArgumentException unserialisable(String event, Throwable cause, Class<?> notPublic) {
        return new IllegalArgumentException("HERALD-0013: Payload of event '" + event
                + "' cannot be serialised to JSON: " + cause.getMessage()
                + (notPublic == null ? "" : "; its type " + notPublic.getName()
                        + " is not public, and JSON-B reads public types only: declare it public"), cause);
    }

    public static IllegalStateException encryptedWithoutMasterKey(String channel) {
        return new IllegalStateException("HERALD-0014: Channel '" + channel
                + "' is encrypted, but no encryption-master-key is configured");
    }

    public static IllegalArgumentException invalidUserId(String userId) {
        return new IllegalArgumentException("HERALD-0015: Invalid user id '" + userId + "': use 1 to "
                + io.herald.Channel.MAX_NAME_LENGTH + " characters from A-Z a-z 0-9 _ - = @ , . ;");
    }

    public static String invalidAuthorizerPattern(String bean, String pattern, String why) {
        return "HERALD-0016: ChannelAuthorizer " + bean + " names the channel pattern '" + pattern + "', which " + why;
    }

    public static IllegalStateException nothingConfigured(String connection) {
        return new IllegalStateException("HERALD-0019: Broadcasting is not configured: no broadcast.* setting was found."
                + " Name the default connection and give it a driver, for example broadcast.default=" + connection
                + " and broadcast." + connection + ".driver=local (Herald serves the Pusher protocol itself; also set "
                + "app-id, key and secret), pusher (Pusher Channels; app-id, client and secret), log (writes events to "
                + "the log) or null (sends nothing)");
    }

    public static IllegalStateException duplicateLocalKey(String key) {
        return new IllegalStateException("HERALD-0017: Two local connections use the key '" + key + "'");
    }

    public static IllegalStateException redisClientMissing(String property) {
        return new IllegalStateException("HERALD-0020: '" + property + "=redis' needs the Redis client Lettuce: add "
                + "the dependency io.lettuce:lettuce-core (6.x or 7.x) to the application");
    }

    public static String clusterUnreachable(String why) {
        return "HERALD-0021: The cluster's Redis is unreachable (" + why + "); nothing was sent";
    }

    public static String outboxTableFailed(String connection, String table, String why) {
        return "HERALD-0022: The outbox of connection '" + connection + "' could not find or create its table " + table
                + ": " + why;
    }

    public static IllegalStateException outboxDataSourceMissing(String connection, String name, String why) {
        return new IllegalStateException("HERALD-0023: The outbox of connection '" + connection + "' needs a data "
                + "source: none is at '" + name + "' (" + why + "); name one with broadcast." + connection
                + ".outbox.datasource, or give the application a DataSource bean");
    }

    public static String ambiguousAuthorizers(String first, String firstPattern, String second, String secondPattern,
            String example) {
        return "HERALD-0018: ChannelAuthorizers " + first + " ('" + firstPattern + "') and " + second + " ('"
                + secondPattern + "') are equally specific and both match channels such as '" + example
                + "': make one pattern more specific, or merge them";
    }

    public static IllegalStateException stopping(String connection) {
        return new IllegalStateException("HERALD-0024: Connection '" + connection
                + "' takes no more events: the application is stopping");
    }

    public static IllegalStateException invalidSettings(List<String> problems) {
        return new IllegalStateException("HERALD-0025: Herald's settings have " + problems.size() + " problems: "
                + String.join("; ", problems));
    }

    public static IllegalArgumentException notAnEntity(String type) {
        return new IllegalArgumentException("HERALD-0028: " + type + " is not a JPA entity with an identifier: "
                + "annotate it @Entity and give it an @Id or @EmbeddedId");
    }

    public static IllegalStateException unreadableAttribute(String attribute, String type, Throwable cause) {
        return new IllegalStateException("HERALD-0029: Attribute '" + attribute + "' of " + type
                + " could not be read for broadcasting: " + cause, cause);
    }

    public static IllegalArgumentException unknownRecipient(String type) {
        return new IllegalArgumentException("HERALD-0030: Cannot tell whose notification channel a " + type
                + " is: pass a JPA entity, a BroadcastUser, an object with an id() or getId() accessor, or implement "
                + "ReceivesNotifications");
    }

    public static IllegalStateException noIdentifierYet(String entity) {
        return new IllegalStateException("HERALD-0031: Entity " + entity + " has no identifier yet, so its channel "
                + "cannot be named: broadcast it once its identifier is generated (flush, or a generation strategy that "
                + "assigns it on persist)");
    }

    public static IllegalArgumentException notANotification(String type) {
        return new IllegalArgumentException("HERALD-0032: A notification must be a record, whose components become "
                + "its fields; got " + type);
    }
}
