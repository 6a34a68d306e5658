package io.herald.internal.cluster;

import io.herald.internal.HeraldMessages;
import io.herald.internal.OptionalClasses;
import io.herald.spi.ConnectionConfig;
import java.time.Duration;

/**
 * How a {@code local} connection scales, from {@code broadcast.<connection>.*}.
 *
 * <pre>{@code
 * broadcast.local.scaling=redis
 * broadcast.local.redis.url=redis://redis.internal:6379/0
 * }</pre>
 *
 * @param scaling {@code scaling}: {@code none} (the default) or {@code redis}
 * @param redisUrl {@code redis.url}: {@code redis://[user:password@]host:port[/db]}, {@code rediss://} for TLS
 * @param prefix {@code redis.prefix}: of every key and pub/sub channel (default {@code herald:<app-id>})
 * @param nodeTimeout {@code redis.node-timeout} (seconds, default 10): an instance silent this long is taken as
 *                    dead and its connections are removed from the cluster
 * @param commandTimeout {@code redis.timeout} (milliseconds, default 2000): how long a publish or a query may wait
 */
public record ClusterSettings(Scaling scaling, String redisUrl, String prefix, Duration nodeTimeout,
        Duration commandTimeout) {

    /** The ways a {@code local} app can scale. */
    public enum Scaling {
        NONE, REDIS
    }

    public static ClusterSettings from(ConnectionConfig config, String appId) {
        if (config.getChoice("scaling", "none", "none", "redis").equals("none")) {
            return new ClusterSettings(Scaling.NONE, null, null, null, null);
        }
        String url = config.require("redis.url");
        if (!url.isEmpty() && !url.startsWith("redis://") && !url.startsWith("rediss://")) {
            // the URL may hold a password: not quoted
            config.invalid("redis.url", "a redis://[user:password@]host:port[/db] or rediss:// URL");
        }
        int seconds = config.getInt("redis.node-timeout", 10, 1, 3_600);
        int millis = config.getInt("redis.timeout", 2000, 1, 600_000);
        requireRedisClient(config.property("scaling"));
        return new ClusterSettings(Scaling.REDIS, url, config.get("redis.prefix").orElse("herald:" + appId),
                Duration.ofSeconds(seconds), Duration.ofMillis(millis));
    }

    // Lettuce is optional: only applications that scale over Redis add it.
    private static void requireRedisClient(String property) {
        if (!OptionalClasses.present("io.lettuce.core.RedisClient")) {
            throw HeraldMessages.redisClientMissing(property);
        }
    }

    /** How often an instance renews its heartbeat and looks for dead ones: a third of the node timeout. */
    public Duration heartbeatInterval() {
        return nodeTimeout.dividedBy(3);
    }

    // The URL may hold a password.
    @Override
    public String toString() {
        return "ClusterSettings[scaling=" + scaling + ", prefix=" + prefix + ", nodeTimeout=" + nodeTimeout + "]";
    }
}
