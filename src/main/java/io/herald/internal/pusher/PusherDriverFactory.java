package io.herald.internal.pusher;

import com.pusher.rest.Pusher;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
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

    @Override
    public void checkSettings(ConnectionConfig config) {
        PusherSettings.from(config);
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        PusherSettings settings = PusherSettings.from(config);
        Pusher pusher = settings.masterKey().isPresent()
                ? new Pusher(settings.appId(), settings.key(), settings.secret(), settings.masterKey().get())
                : new Pusher(settings.appId(), settings.key(), settings.secret());
        pusher.setEncrypted(settings.ssl());
        settings.cluster().ifPresent(pusher::setCluster);
        // pusher-http-java puts /apps/<id>/... right after the host and signs that part alone, which is what a
        // server under a path (Herald's local driver under a JAX-RS path) verifies.
        settings.host().ifPresent(host -> pusher.setHost((settings.port() > 0 ? host + ":" + settings.port() : host)
                + settings.path()));
        pusher.setRequestTimeout(settings.timeoutMillis());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(settings.httpConnections());
        pool.setDefaultMaxPerRoute(settings.httpConnections());
        pusher.configureHttpClient(Pusher.defaultHttpClientBuilder().setConnectionManager(pool)
                .addInterceptorLast(new RetryAfter()));
        // Herald serialises payloads itself (to check their size first), so the marshaller passes them through.
        pusher.setDataMarshaller(data -> (String) data);
        return new PusherDriver(config.connection(), pusher);
    }
}
