package io.herald.internal.local;

import io.herald.internal.background.Background;
import io.herald.internal.cluster.ChannelFacts;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.PusherProtocol;
import java.util.List;
import java.util.Optional;

/**
 * {@code local} apps for tests that drive one directly: Pusher's default limits, room for many connections, no
 * metrics.
 *
 * <pre>{@code
 * LocalApp app = TestApps.single("order-key", "order-secret");
 * LocalApp a = TestApps.clustered("race-key", "race-secret", cluster);
 * }</pre>
 */
final class TestApps {

    private TestApps() {
    }

    /** An app's settings: client events off, 100 channels per connection, 1,000 presence members, 100,000 sockets. */
    static LocalSettings settings(String key, String secret) {
        return new LocalSettings("1", key, secret, ChannelNamespaces.none(new ChannelOptions(false, 1_000,
                PusherProtocol.CACHE_TTL, 0)), 30, 120, 10_240, 100, 10, 100_000, 100_000, List.of(),
                false, OriginPolicy.of(List.of(), true), 0, 0);
    }

    /** A single instance's app that reports nothing. */
    static LocalApp single(String key, String secret) {
        return single(key, secret, ChannelFacts.NONE);
    }

    /** A single instance's app that reports what happens on its channels to {@code facts}. */
    static LocalApp single(String key, String secret, ChannelFacts facts) {
        return new LocalApp(settings(key, secret), LocalServerMetrics.NONE, facts, Optional.empty(), Background.system());
    }

    /** One instance of an app scaled over Redis. */
    static LocalApp clustered(String key, String secret, ClusterSettings cluster) {
        return new LocalApp(settings(key, secret), LocalServerMetrics.NONE, ChannelFacts.NONE, Optional.of(cluster),
                Background.system());
    }
}
