package io.herald.internal.console;

import io.herald.ChannelType;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.local.LocalOverview;
import io.herald.internal.observability.ReadinessSource;
import io.herald.internal.protocol.PusherProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * What the console's tables show, read when asked: every configured connection with its driver and counts (since a
 * console was first opened), the readiness parts (queues, outboxes), and each {@code local} app's connections on this instance and channels (with their subscribers and presence
 * members) over the cluster. Herald's own console channel is left out.
 */
@ApplicationScoped
class ConsoleState {

    @Inject
    Instance<ReadinessSource> readiness;

    @Inject
    LocalOverview overview;

    @Inject
    ConsoleTap tap;

    @Inject
    ConsoleFeed feed;

    private final HeraldSettings settings = HeraldSettings.fromMicroProfileConfig();

    // Every configured connection, the default one first.
    private List<String> connections() {
        List<String> names = new ArrayList<>(new TreeSet<>(settings.configuredConnections()));
        names.remove(settings.defaultConnection());
        names.add(0, settings.defaultConnection());
        return names;
    }

    Map<String, Object> now() {
        Map<String, Object> state = new LinkedHashMap<>(feed.summary());
        List<Map<String, Object>> parts = new ArrayList<>();
        if (readiness.isResolvable()) {
            for (ReadinessSource.Part part : readiness.get().readinessParts()) {
                parts.add(Map.of("name", part.name(), "up", part.up(), "data", part.data()));
            }
        }
        state.put("readiness", parts);
        Map<String, Object> counts = new LinkedHashMap<>();
        Map<String, ConsoleTap.Counts> seen = tap.counts();
        for (String connection : connections()) {
            ConsoleTap.Counts c = seen.getOrDefault(connection, new ConsoleTap.Counts());
            counts.put(connection, Map.of("driver", settings.connection(connection).get("driver").orElse(""),
                    "sent", c.sent().sum(), "retried", c.retried().sum(), "failed", c.failed().sum()));
        }
        state.put("connections", counts);
        List<Map<String, Object>> apps = new ArrayList<>();
        for (LocalOverview.App app : overview.apps()) {
            List<Map<String, Object>> channels = new ArrayList<>();
            for (ChannelSummary channel : app.channels()) {
                if (channel.name().equals(PusherProtocol.CONSOLE_CHANNEL)) {
                    continue;
                }
                Map<String, Object> row = new LinkedHashMap<>();
                row.put("name", channel.name());
                row.put("subscribers", channel.subscriptionCount());
                if (ChannelType.of(channel.name()) == ChannelType.PRESENCE) {
                    row.put("members", overview.members(app.appId(), channel.name()));
                }
                channels.add(row);
            }
            apps.add(Map.of("appId", app.appId(), "connections", app.connections(), "channels", channels,
                    "signedIn", overview.signedIn(app.appId())));
        }
        state.put("apps", apps);
        return state;
    }
}
