package io.herald.internal;

/** Herald's numbered exception messages, in one place so that each text and number is defined once. */
public final class HeraldMessages {

    private HeraldMessages() {
    }

    public static IllegalStateException missingProperty(String property) {
        return new IllegalStateException("HERALD-0001: Missing configuration property '" + property + "'");
    }

    public static IllegalStateException unknownDriver(String property, String driver, Object known) {
        return new IllegalStateException("HERALD-0002: Unknown broadcast driver '" + driver + "' in '" + property
                + "'; known drivers: " + known);
    }

    public static IllegalStateException invalidProperty(String property, String expected) {
        return new IllegalStateException("HERALD-0003: Property '" + property + "' must be " + expected);
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

    public static IllegalArgumentException unserialisable(String event, Throwable cause) {
        return new IllegalArgumentException("HERALD-0013: Payload of event '" + event
                + "' cannot be serialised to JSON: " + cause.getMessage(), cause);
    }
}
