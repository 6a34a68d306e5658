package io.herald.internal.cluster;

/**
 * Every Redis key and the pub/sub channel of one {@code local} app's cluster, under its prefix (default
 * {@code herald:<app-id>}). The Lua in {@link RedisScripts} builds the same names with its {@code key(kind, name)}:
 * {@code prefix:kind:name}; {@code RedisKeysTest} runs the scripts and checks that what they create is named here.
 *
 * <pre>{@code
 * RedisKeys keys = new RedisKeys("herald:1001");
 * keys.bus();                       // herald:1001:bus
 * keys.events("orders");            // herald:1001:ev:orders
 * keys.presenceUsers("presence-a"); // herald:1001:pu:presence-a
 * }</pre>
 *
 * @param prefix of every key and of the bus
 */
record RedisKeys(String prefix) {

    /** The pub/sub channel every instance publishes on and listens to. */
    String bus() {
        return prefix + ":bus";
    }

    /**
     * The pub/sub channel of one channel's events, which only the instances serving the channel listen to (routing by
     * interest); events of a user's {@code #server-to-user-} channel go on the {@link #bus()}.
     */
    String events(String channel) {
        return key("ev", channel);
    }

    /** The channel whose events {@link #events} names. */
    String channelOfEvents(String events) {
        return events.substring(prefix.length() + ":ev:".length());
    }

    /** Hash: channel to subscriptions in the cluster. */
    String channels() {
        return prefix + ":channels";
    }

    /** Counter with a TTL: what {@code counter} counted in one second (the REST API's limits). */
    String rate(String counter, long epochSecond) {
        return key("rate", counter + ":" + epochSecond);
    }

    /** Set: the live instances. */
    String nodes() {
        return prefix + ":nodes";
    }

    /** String with a TTL: an instance's heartbeat. */
    String node(String instance) {
        return key("node", instance);
    }

    /** Hash: channel to subscriptions on one instance. */
    String subscriptions(String instance) {
        return key("subs", instance);
    }

    /** Hash: {@code channel\nuser} to that user's connections on one instance. */
    String presence(String instance) {
        return key("pres", instance);
    }

    /** Hash: a presence channel's member to connections in the cluster. */
    String presenceCounts(String channel) {
        return key("pc", channel);
    }

    /** Hash: a presence channel's member to info JSON. */
    String presenceUsers(String channel) {
        return key("pu", channel);
    }

    /** String with a TTL: a cache channel's last event. */
    String cache(String channel) {
        return key("cache", channel);
    }

    private String key(String kind, String name) {
        return prefix + ":" + kind + ":" + name;
    }
}
