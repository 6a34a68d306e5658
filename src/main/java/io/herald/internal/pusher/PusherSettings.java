package io.herald.internal.pusher;

import io.herald.spi.ConnectionConfig;
import java.util.Base64;
import java.util.Optional;

/**
 * One {@code pusher} connection's settings, from {@code broadcast.<connection>.*}.
 *
 * <pre>{@code
 * broadcast.pusher.app-id=1234
 * broadcast.pusher.client=my-key
 * broadcast.pusher.secret=my-secret
 * broadcast.pusher.cluster=eu
 * }</pre>
 *
 * @param appId {@code app-id}
 * @param key {@code client} or {@code key}
 * @param secret {@code secret}
 * @param masterKey {@code encryption-master-key}: 32 bytes in base64, for {@code private-encrypted-} channels
 * @param ssl {@code ssl} (default true)
 * @param cluster {@code cluster}, Pusher's region
 * @param host {@code host}: another server that speaks Pusher's REST API (with {@code port} and {@code path})
 * @param port {@code port}, 1 to 65535, or -1 when not set
 * @param path {@code path}: where that server's {@code /apps/...} is, with one leading slash, or empty
 * @param timeoutMillis {@code timeout-ms} (default 4000): how long one request may take
 * @param httpConnections {@code http-connections} (default 20): pooled HTTP connections to Pusher
 */
record PusherSettings(String appId, String key, String secret, Optional<String> masterKey, boolean ssl,
        Optional<String> cluster, Optional<String> host, int port, String path, int timeoutMillis,
        int httpConnections) {

    static PusherSettings from(ConnectionConfig config) {
        Optional<String> masterKey = config.get("encryption-master-key");
        if (masterKey.isPresent() && !isMasterKey(masterKey.get())) {
            config.invalid("encryption-master-key", "32 bytes encoded in base64");
        }
        Optional<String> host = config.get("host");
        int port = config.getInt("port", -1, 1, 65_535);
        String path = config.get("path").map(PusherSettings::normalisedPath).orElse("");
        if (host.isEmpty() && (port > 0 || !path.isEmpty())) {
            config.invalid(port > 0 ? "port" : "path", "used with '" + config.property("host") + "'");
        }
        return new PusherSettings(config.require("app-id"), config.requireAny("client", "key"),
                config.require("secret"), masterKey, config.getBoolean("ssl", true), config.get("cluster"), host, port,
                path, config.getInt("timeout-ms", 4000, 1, 600_000), config.getInt("http-connections", 20, 1, 10_000));
    }

    private static boolean isMasterKey(String base64) {
        try {
            return Base64.getDecoder().decode(base64).length == 32;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private static String normalisedPath(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : "/" + trimmed;
    }

    // The secret and the master key never appear in a log line.
    @Override
    public String toString() {
        return "PusherSettings[appId=" + appId + ", key=" + key + ", host=" + host.orElse(cluster.orElse("mt1")) + "]";
    }
}
