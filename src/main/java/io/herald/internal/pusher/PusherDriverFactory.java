package io.herald.internal.pusher;

import com.pusher.rest.Pusher;
import io.herald.internal.HeraldMessages;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;

/**
 * Driver {@code pusher}: Pusher Channels' REST API through {@code pusher-http-java}, or any server that speaks it
 * ({@code host}/{@code port}).
 */
@ApplicationScoped
public class PusherDriverFactory implements BroadcastDriverFactory {

    @Override
    public String name() {
        return "pusher";
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("app-id", "client|key", "secret");
    }

    private static String normalisedPath(String path) {
        String trimmed = path.replaceAll("^/+|/+$", "");
        return trimmed.isEmpty() ? "" : "/" + trimmed;
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        String appId = config.require("app-id");
        String key = config.get("client").or(() -> config.get("key")).orElseThrow(
                () -> HeraldMessages.missingProperties(List.of(config.property("client") + "|" + config.property("key"))));
        String secret = config.require("secret");
        Optional<String> masterKey = config.get("encryption-master-key");

        Pusher pusher;
        try {
            pusher = masterKey.isPresent() ? new Pusher(appId, key, secret, masterKey.get())
                    : new Pusher(appId, key, secret);
        } catch (RuntimeException e) {
            throw HeraldMessages.invalidProperty(config.property("encryption-master-key"),
                    "32 bytes encoded in base64");
        }
        boolean ssl = config.getBoolean("ssl", true);
        pusher.setEncrypted(ssl);
        config.get("cluster").ifPresent(pusher::setCluster);
        Optional<String> host = config.get("host");
        int port = config.getInt("port", -1);
        String path = config.get("path").map(PusherDriverFactory::normalisedPath).orElse("");
        if (host.isPresent()) {
            // pusher-http-java puts /apps/<id>/... right after the host and signs that part alone, which is what a
            // server under a path (Herald's local driver under a JAX-RS path) verifies.
            pusher.setHost((port > 0 ? host.get() + ":" + port : host.get()) + path);
        } else if (port > 0 || !path.isEmpty()) {
            throw HeraldMessages.invalidProperty(config.property(port > 0 ? "port" : "path"),
                    "used with '" + config.property("host") + "'");
        }
        pusher.setRequestTimeout(config.getInt("timeout-ms", 4000));

        int maxConnections = config.getInt("max-connections", 20);
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(maxConnections);
        pool.setDefaultMaxPerRoute(maxConnections);
        pusher.configureHttpClient(Pusher.defaultHttpClientBuilder().setConnectionManager(pool)
                .addInterceptorLast(new RetryAfter()));
        // Herald serialises payloads itself (to check their size first), so the marshaller passes them through.
        pusher.setDataMarshaller(data -> (String) data);
        return new PusherDriver(config.connection(), pusher);
    }
}
