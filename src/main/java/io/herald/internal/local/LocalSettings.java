package io.herald.internal.local;

import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.ConnectionConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * One {@code local} connection's app and limits, from {@code broadcast.<connection>.*}.
 *
 * @param appId {@code app-id}
 * @param key {@code client} or {@code key}: what clients connect with ({@code /app/{key}})
 * @param secret {@code secret}: verifies subscriptions, sign-ins and REST requests
 * @param channels the options of each channel: the connection's {@code client-events} (default false),
 *                 {@code max-presence-members}, {@code cache-ttl-seconds} and {@code max-subscribers}, or its
 *                 namespace's ({@code namespace.<name>.*})
 * @param activityTimeoutSeconds {@code activity-timeout}: announced to clients, who ping after that much silence
 * @param idleTimeoutSeconds {@code idle-timeout}: a connection silent this long is closed
 * @param maxMessageBytes {@code max-message-bytes}: the largest frame a client may send
 * @param maxChannelsPerConnection {@code max-channels-per-connection}
 * @param clientEventsPerSecond {@code client-events-per-second}: per connection
 * @param maxConnections {@code max-connections}: per app
 * @param maxPendingFrames {@code max-pending-frames}: frames queued for one slow client before it is dropped
 * @param previousSecrets {@code previous-secret}: during a rotation, the secrets that still verify (a list; Herald
 *                        signs with {@code secret} only)
 * @param restApiAtRoot {@code rest-api-at-root}: serve Pusher's HTTP API at {@code /apps/...} of the web root too
 * @param origins {@code allowed-origins} (a list; none: any) and {@code allow-missing-origin} (default true)
 * @param restPublishesPerSecond {@code rest-publishes-per-second}: {@code POST events} and {@code batch_events} per
 *                               second for the app, over the cluster (0: no limit); 429 above
 * @param restQueriesPerSecond {@code rest-queries-per-second}: {@code GET} requests per second (0: no limit)
 */
record LocalSettings(String appId, String key, String secret, ChannelNamespaces channels,
        int activityTimeoutSeconds, int idleTimeoutSeconds, int maxMessageBytes, int maxChannelsPerConnection,
        int clientEventsPerSecond, int maxConnections, int maxPendingFrames, List<String> previousSecrets,
        boolean restApiAtRoot, OriginPolicy origins, int restPublishesPerSecond, int restQueriesPerSecond) {

    LocalSettings {
        previousSecrets = List.copyOf(previousSecrets);
    }

    static LocalSettings from(ConnectionConfig config) {
        return new LocalSettings(
                config.require("app-id"),
                config.requireAny("client", "key"),
                config.require("secret"),
                ChannelNamespaces.from(config, new ChannelOptions(
                        config.getBoolean("client-events", false),
                        config.getInt("max-presence-members", 100, 1, 100_000),
                        Duration.ofSeconds(config.getInt("cache-ttl-seconds",
                                Math.toIntExact(PusherProtocol.CACHE_TTL.toSeconds()), 1,
                                ChannelNamespaces.MAX_CACHE_SECONDS)),
                        config.getInt("max-subscribers", 0, 0, 10_000_000))),
                config.getInt("activity-timeout", 30, 1, 3_600),
                config.getInt("idle-timeout", 120, 1, 86_400),
                config.getInt("max-message-bytes", 10 * 1024, 1, 10 * 1024 * 1024),
                config.getInt("max-channels-per-connection", 100, 1, 100_000),
                config.getInt("client-events-per-second", 10, 1, 100_000),
                config.getInt("max-connections", 20_000, 1, 10_000_000),
                config.getInt("max-pending-frames", 1_000, 1, 1_000_000),
                config.get("previous-secret").map(LocalSettings::list).orElse(List.of()),
                config.getBoolean("rest-api-at-root", false),
                origins(config),
                config.getInt("rest-publishes-per-second", 0, 0, 10_000_000),
                config.getInt("rest-queries-per-second", 0, 0, 10_000_000));
    }

    private static OriginPolicy origins(ConnectionConfig config) {
        List<String> allowed = config.get("allowed-origins").map(LocalSettings::list).orElse(List.of());
        allowed.stream().map(OriginPolicy::problem).flatMap(java.util.Optional::stream).findFirst()
                .ifPresent(problem -> config.invalid("allowed-origins", "origins such as https://app.example.com or "
                        + "https://*.example.com, comma-separated (" + problem + ")"));
        return OriginPolicy.of(allowed, config.getBoolean("allow-missing-origin", true));
    }

    /** What the app allows on {@code channel}. */
    ChannelOptions channel(String channel) {
        return channels.of(channel);
    }

    /** The secrets a signature may be made with: {@code secret} first, then those of a rotation. */
    List<String> secrets() {
        List<String> all = new ArrayList<>();
        all.add(secret);
        all.addAll(previousSecrets);
        return all;
    }

    // MicroProfile Config's list form: comma-separated, blanks ignored.
    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(part -> !part.isEmpty()).toList();
    }

    @Override
    public String toString() {
        return "LocalSettings[appId=" + appId + ", key=" + key + "]";
    }
}
