package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcaster;
import io.herald.testing.HeraldContainer;
import io.herald.testing.LogCapture;
import io.herald.testing.PusherRestStandIn;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/** What a deployment's configuration must hold, and how it fails when it does not. */
class StartupConfigTest {

    private static Map<String, String> pusherConnection() {
        Map<String, String> config = new HashMap<>();
        config.put("broadcast.default", "pusher");
        config.put("broadcast.pusher.driver", "pusher");
        config.put("broadcast.pusher.app-id", "3456678");
        config.put("broadcast.pusher.client", "478b45309560f3456211");
        config.put("broadcast.pusher.secret", "ab4229346et64aa8908");
        config.put("broadcast.pusher.cluster", "eu");
        return config;
    }

    private static Map<String, String> without(String key) {
        Map<String, String> config = pusherConnection();
        config.remove(key);
        return config;
    }

    private static Map<String, String> with(String key, String value) {
        Map<String, String> config = pusherConnection();
        config.put(key, value);
        return config;
    }

    @Test
    void completePusherConnectionStarts() {
        try (WeldContainer container = HeraldContainer.start(pusherConnection())) {
            assertThat(container.select(Broadcaster.class).isResolvable()).isTrue();
        }
    }

    @Test
    void missingSecretFailsStartupNamingTheProperty() {
        assertThatThrownBy(() -> HeraldContainer.start(without("broadcast.pusher.secret")))
                .hasMessageContaining("HERALD-0001").hasMessageContaining("'broadcast.pusher.secret'");
    }

    @Test
    void everyMissingSettingIsNamedInOneMessage() {
        Map<String, String> config = Map.of("broadcast.default", "pusher", "broadcast.pusher.driver", "pusher");

        assertThatThrownBy(() -> HeraldContainer.start(config)).hasMessageContaining(
                "HERALD-0001: Missing configuration properties 'broadcast.pusher.app-id', 'broadcast.pusher.client' "
                        + "(or 'broadcast.pusher.key'), 'broadcast.pusher.secret'");
    }

    @Test
    void noConfigurationAtAllSaysWhatToConfigure() {
        assertThatThrownBy(() -> HeraldContainer.start(Map.of())).hasMessageContaining("HERALD-0019")
                .hasMessageContaining("broadcast.default=pusher").hasMessageContaining("broadcast.pusher.driver=local")
                .hasMessageContaining("pusher").hasMessageContaining("log").hasMessageContaining("null");
    }

    @Test
    void missingAppIdFailsStartupNamingTheProperty() {
        assertThatThrownBy(() -> HeraldContainer.start(without("broadcast.pusher.app-id")))
                .hasMessageContaining("'broadcast.pusher.app-id'");
    }

    @Test
    void missingKeyFailsStartupNamingBothSpellings() {
        assertThatThrownBy(() -> HeraldContainer.start(without("broadcast.pusher.client")))
                .hasMessageContaining("broadcast.pusher.client").hasMessageContaining("broadcast.pusher.key");
    }

    @Test
    void blankSettingCountsAsMissing() {
        assertThatThrownBy(() -> HeraldContainer.start(with("broadcast.pusher.secret", "   ")))
                .hasMessageContaining("'broadcast.pusher.secret'");
    }

    @Test
    void unconfiguredDefaultConnectionFailsStartupNamingItsDriverProperty() {
        assertThatThrownBy(() -> HeraldContainer.start(Map.of("broadcast.default", "pusher")))
                .hasMessageContaining("HERALD-0001").hasMessageContaining("'broadcast.pusher.driver'");
    }

    @Test
    void unknownDriverFailsStartupListingTheKnownOnes() {
        assertThatThrownBy(() -> HeraldContainer.start(with("broadcast.pusher.driver", "pigeon")))
                
                .hasMessageContaining("HERALD-0002")
                .hasMessageContaining("'pigeon'")
                .hasMessageContaining("broadcast.pusher.driver")
                .hasMessageContaining("[log, memory, null, pusher]");
    }

    @Test
    void defaultConnectionNamedByBroadcastDefaultIsTheOneChecked() {
        Map<String, String> config = pusherConnection();
        config.put("broadcast.default", "backup");

        assertThatThrownBy(() -> HeraldContainer.start(config)).hasMessageContaining("'broadcast.backup.driver'");
    }

    @Test
    void reservedNameCannotBeAConnection() {
        assertThatThrownBy(() -> HeraldContainer.start(with("broadcast.default", "auth")))
                .hasMessageContaining("HERALD-0004").hasMessageContaining("'auth'");
    }

    @Test
    void malformedBooleanFailsStartupNamingTheProperty() {
        assertThatThrownBy(() -> HeraldContainer.start(with("broadcast.pusher.ssl", "yes")))
                .hasMessageContaining("HERALD-0003").hasMessageContaining("'broadcast.pusher.ssl'")
                .hasMessageContaining("true or false");
    }

    @Test
    void malformedEncryptionMasterKeyFailsStartup() {
        assertThatThrownBy(() -> HeraldContainer.start(with("broadcast.pusher.encryption-master-key", "c2hvcnQ=")))
                .hasMessageContaining("'broadcast.pusher.encryption-master-key'").hasMessageContaining("32 bytes");
    }

    @Test
    void startupFailureDoesNotRevealTheSecret() {
        assertThatThrownBy(() -> HeraldContainer.start(without("broadcast.pusher.app-id")))
                .satisfies(e -> assertThat(stackTrace(e)).doesNotContain("ab4229346et64aa8908"));
    }

    @Test
    void logDriverWritesWhatWouldBeSent() {
        Map<String, String> config = Map.of("broadcast.default", "dev", "broadcast.dev.driver", "log");
        try (WeldContainer container = HeraldContainer.start(config); LogCapture log = new LogCapture()) {
            container.select(Broadcaster.class).get().channel("releases", "NewRelease", Map.of("version", "4"));

            assertThat(log.messages(Level.INFO)).singleElement().asString().startsWith("HERALD-0203")
                    .contains("[dev]").contains("NewRelease").contains("[releases]").contains("{\"version\":\"4\"}");
        }
    }

    @Test
    void eachConnectionSaysWhereItsQueueIsSent() {
        try (LogCapture log = new LogCapture();
                WeldContainer container = HeraldContainer.start(Map.of("broadcast.pusher.driver", "null"))) {
            assertThat(log.messages(Level.INFO)).anySatisfy(line -> assertThat(line).startsWith("HERALD-0209")
                    .contains("'pusher'").contains("'null'").contains("Herald's own threads"));
        }
    }

    @Test
    void twoLocalConnectionsWithOneKeyFailStartup() {
        Map<String, String> config = new HashMap<>();
        for (String name : new String[] {"one", "two"}) {
            config.put("broadcast." + name + ".driver", "local");
            config.put("broadcast." + name + ".app-id", name);
            config.put("broadcast." + name + ".key", "shared-key");
            config.put("broadcast." + name + ".secret", "secret-" + name);
        }
        config.put("broadcast.default", "one");

        assertThatThrownBy(() -> HeraldContainer.start(config, io.herald.internal.local.LocalServer.class,
                io.herald.internal.local.LocalDriverFactory.class))
                .hasMessageContaining("HERALD-0017").hasMessageContaining("'shared-key'");
    }

    @Test
    void driverThatFailsToCloseIsLoggedAndTheApplicationStillStops() {
        Map<String, String> config = Map.of("broadcast.default", "fragile", "broadcast.fragile.driver", "fragile");
        try (LogCapture log = new LogCapture()) {
            HeraldContainer.start(config, FragileDriverFactory.class).close();

            assertThat(log.messages(Level.WARNING)).anySatisfy(line -> assertThat(line).startsWith("HERALD-0204")
                    .contains("'fragile'"));
        }
    }

    /** A driver whose close fails, as one holding a broken network client might. */
    @jakarta.enterprise.context.ApplicationScoped
    static class FragileDriverFactory implements io.herald.spi.BroadcastDriverFactory {
        @Override
        public String name() {
            return "fragile";
        }

        @Override
        public io.herald.spi.BroadcastDriver create(io.herald.spi.ConnectionConfig config) {
            return new io.herald.spi.BroadcastDriver() {
                @Override
                public void send(io.herald.spi.OutboundEvent event) {
                }

                @Override
                public void close() {
                    throw new IllegalStateException("socket already gone");
                }
            };
        }
    }

    @Test
    void nullDriverAcceptsEverythingAndSendsNothing() throws Exception {
        try (PusherRestStandIn pusher = new PusherRestStandIn();
                WeldContainer container = HeraldContainer.start(Map.of("broadcast.pusher.driver", "null"))) {
            container.select(Broadcaster.class).get().channel("releases", "NewRelease", Map.of());

            assertThat(pusher.requests()).isZero();
        }
    }

    private static String stackTrace(Throwable e) {
        java.io.StringWriter text = new java.io.StringWriter();
        e.printStackTrace(new java.io.PrintWriter(text));
        return text.toString();
    }
}
