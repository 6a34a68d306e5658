package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcaster;
import io.herald.embed.EmbeddedHerald;
import io.herald.internal.local.LocalEndpointConfig;
import io.herald.internal.local.LocalWebSocketEndpoint;
import io.herald.testing.LogCapture;
import io.herald.testing.HeraldContainer;
import io.herald.testing.HeraldContainer.Flavour;
import io.herald.testing.HeraldTestExtension;
import io.herald.testing.PusherRestStandIn;
import io.smallrye.config.EnvConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import java.util.Map;
import java.util.Set;
import java.util.logging.Level;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** Environment variables name settings the way MicroProfile Config maps them. */
class EnvironmentConfigTest {

    @Test
    void connectionConfiguredOnlyThroughEnvironmentVariablesDelivers() throws Exception {
        try (PusherRestStandIn pusher = new PusherRestStandIn()) {
            Map<String, String> environment = Map.of(
                    "BROADCAST_PUSHER_DRIVER", "pusher",
                    "BROADCAST_PUSHER_APP_ID", PusherRestStandIn.APP_ID,
                    "BROADCAST_PUSHER_CLIENT", PusherRestStandIn.KEY,
                    "BROADCAST_PUSHER_SECRET", PusherRestStandIn.SECRET,
                    "BROADCAST_PUSHER_HOST", "127.0.0.1",
                    "BROADCAST_PUSHER_PORT", String.valueOf(pusher.port()),
                    "BROADCAST_PUSHER_SSL", "false");
            HeraldTestExtension.useConfig(new SmallRyeConfigBuilder()
                    .withSources(new EnvConfigSource(environment, 300)).build());

            try (WeldContainer container = HeraldContainer.startWithRegisteredConfig(Flavour.PORTABLE)) {
                container.select(Broadcaster.class).get().channel("releases", "NewRelease", Map.of("v", 1));
            }

            assertThat(pusher.published()).hasSize(1);
        }
    }

    @Test
    void nonDefaultConnectionConfiguredOnlyThroughEnvironmentVariablesIsOpenedAtStartup() {
        HeraldTestExtension.useConfig(new SmallRyeConfigBuilder().withSources(new EnvConfigSource(Map.of(
                "BROADCAST_DEFAULT", "main",
                "BROADCAST_MAIN_DRIVER", "memory",
                "BROADCAST_AUDIT_TRAIL_DRIVER", "memory"), 300)).build());

        try (LogCapture log = new LogCapture();
                WeldContainer container = HeraldContainer.startWithRegisteredConfig(Flavour.PORTABLE)) {
            assertThat(log.messages(Level.INFO)).contains(
                    "HERALD-0209: Connection 'audit-trail' opened with driver 'memory'; its queue is sent on Herald's own threads");
        }
    }

    @Test
    void localConnectionConfiguredOnlyThroughEnvironmentVariablesKeepsTheWebSocketEndpoint() {
        HeraldTestExtension.useConfig(new SmallRyeConfigBuilder().withSources(new EnvConfigSource(Map.of(
                "BROADCAST_DEFAULT", "pusher",
                "BROADCAST_PUSHER_DRIVER", "pusher",
                "BROADCAST_LIVE_UPDATES_DRIVER", "local"), 300)).build());

        assertThat(new LocalEndpointConfig().getAnnotatedEndpointClasses(Set.of(LocalWebSocketEndpoint.class)))
                .containsExactly(LocalWebSocketEndpoint.class);
        assertThat(EmbeddedHerald.webSocketEndpoints()).containsExactly(LocalWebSocketEndpoint.class);
    }
}
