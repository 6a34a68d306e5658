package io.herald.internal.local;

import io.herald.internal.cluster.ChannelSummary;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * What the {@code local} server shows of itself to Herald's console: its apps (this instance's connections, the
 * cluster's channels and members) and a way to publish to a channel without going through a connection's delivery,
 * so that the console's own feed is never counted, traced or shown as a broadcast.
 *
 * <pre>{@code
 * overview.apps();                                     // [App[appId=1001, key=..., connections=3, channels=[...]]]
 * overview.subscriptions("1001", "private-herald-console");   // 1 while a console page is open
 * }</pre>
 */
@ApplicationScoped
public class LocalOverview {

    /**
     * One app of the {@code local} server.
     *
     * @param appId its app id
     * @param key the key clients connect with (public, as in every page that connects)
     * @param connections this instance's WebSocket connections
     * @param channels the occupied channels over the cluster, by name
     */
    public record App(String appId, String key, int connections, List<ChannelSummary> channels) {
    }

    @Inject
    LocalServer server;

    /** The apps, with their connections and channels now. */
    public List<App> apps() {
        return server.apps().stream().map(app -> new App(app.settings().appId(), app.settings().key(),
                app.connections(), app.occupied(""))).toList();
    }

    /** The user ids of a presence channel's members over the cluster. */
    public List<String> members(String appId, String channel) {
        return server.byAppId(appId).map(app -> app.users(channel)).orElse(List.of());
    }

    /** The ids of the users signed in to the app, over the cluster. */
    public List<String> signedIn(String appId) {
        return members(appId, Watchlists.ONLINE);
    }

    /** How many subscriptions a channel has over the cluster. */
    public int subscriptions(String appId, String channel) {
        return server.byAppId(appId).flatMap(app -> app.fanout().channel(channel))
                .map(ChannelSummary::subscriptionCount).orElse(0);
    }

    /** Publishes {@code json} as {@code event} on {@code channel} of the app, when there is one. */
    public boolean publish(String appId, String channel, String event, String json) {
        Optional<LocalApp> app = server.byAppId(appId);
        app.ifPresent(found -> found.publish(new OutboundEvent(List.of(channel), event, json, null)));
        return app.isPresent();
    }
}
