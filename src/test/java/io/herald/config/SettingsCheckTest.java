package io.herald.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.internal.local.LocalDriverFactory;
import io.herald.internal.local.LocalServer;
import io.herald.testing.HeraldContainer;
import java.util.HashMap;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Every numeric and enumerated setting is checked when the application starts: a value outside what is accepted
 * fails the deployment with a message naming the property, the value and what is accepted, all problems at once.
 */
class SettingsCheckTest {

    private static Map<String, String> localConnection() {
        Map<String, String> config = new HashMap<>();
        config.put("broadcast.default", "local");
        config.put("broadcast.local.driver", "local");
        config.put("broadcast.local.app-id", "1001");
        config.put("broadcast.local.key", "local-key");
        config.put("broadcast.local.secret", "local-secret");
        return config;
    }

    private static WeldContainer start(Map<String, String> config) {
        return HeraldContainer.start(config, LocalServer.class, LocalDriverFactory.class);
    }

    private static Map<String, String> localWith(String key, String value) {
        Map<String, String> config = localConnection();
        config.put("broadcast.local." + key, value);
        return config;
    }

    @Test
    void webhookQueueOfNoEventsIsRefusedNamingTheSetting() {
        assertThatThrownBy(() -> start(localWith("webhooks.queue-capacity", "0"))).hasMessage(
                "HERALD-0003: Property 'broadcast.local.webhooks.queue-capacity' must be a whole number from 1 to "
                        + "10000000, not '0'");
    }

    @ParameterizedTest
    @CsvSource({
        "max-message-bytes, 0, 1 to 10485760",
        "max-connections, -1, 1 to 10000000",
        "client-events-per-second, 0, 1 to 100000",
        "max-channels-per-connection, 0, 1 to 100000",
        "max-presence-members, 0, 1 to 100000",
        "max-pending-frames, 0, 1 to 1000000",
        "activity-timeout, 0, 1 to 3600",
        "idle-timeout, -30, 1 to 86400",
        "queue-capacity, 0, 1 to 10000000",
        "senders, 0, 1 to 1000",
        "retry.max-attempts, 0, 1 to 1000",
        "shutdown-timeout-ms, -1, 0 to 3600000",
        "webhooks.batch-ms, -1, 0 to 60000",
        "webhooks.retry-seconds, -1, 0 to 86400",
    })
    void numberOutsideItsRangeIsRefused(String key, String value, String range) {
        assertThatThrownBy(() -> start(localWith(key, value))).hasMessageContaining("HERALD-0003")
                .hasMessageContaining("'broadcast.local." + key + "'")
                .hasMessageContaining("a whole number from " + range + ", not '" + value + "'");
    }

    @Test
    void unknownChoiceIsRefusedListingTheChoices() {
        assertThatThrownBy(() -> start(localWith("scaling", "kafka"))).hasMessage(
                "HERALD-0003: Property 'broadcast.local.scaling' must be none or redis, not 'kafka'");
    }

    @Test
    void anEntityChannelPrefixThatNoChannelNameCouldStartWithIsRefused() {
        Map<String, String> config = localConnection();
        config.put("broadcast.entities.channel-prefix", "App\\Models\\");
        assertThatThrownBy(() -> start(config)).hasMessage("HERALD-0003: Property 'broadcast.entities.channel-prefix' "
                + "must be made of the characters of a channel name (A-Z a-z 0-9 _ - = @ , . ;), not 'App\\Models\\'");
    }

    @Test
    void anUnknownWayToSendNotificationsIsRefused() {
        Map<String, String> config = localConnection();
        config.put("broadcast.notifications.via", "mail");
        assertThatThrownBy(() -> start(config)).hasMessage(
                "HERALD-0003: Property 'broadcast.notifications.via' must be private-channel or user, not 'mail'");
    }

    @Test
    void everyProblemOfTheDeploymentIsReportedInOneMessage() {
        Map<String, String> config = localWith("max-connections", "0");
        config.put("broadcast.local.webhooks.queue-capacity", "none");
        config.put("broadcast.local.outbox", "kafka");
        config.put("broadcast.audit.driver", "pusher");
        config.put("broadcast.audit.app-id", "1");
        config.put("broadcast.audit.key", "k");
        config.put("broadcast.audit.timeout-ms", "0");
        config.put("broadcast.auth.allow-anonymous", "sometimes");

        assertThatThrownBy(() -> start(config)).satisfies(failure -> assertThat(failure.getMessage())
                .startsWith("HERALD-0025: Herald's settings have 6 problems: ")
                .contains("HERALD-0001: Missing configuration property 'broadcast.audit.secret'")
                .contains("'broadcast.audit.timeout-ms' must be a whole number from 1 to 600000, not '0'")
                .contains("'broadcast.local.max-connections' must be a whole number from 1 to 10000000, not '0'")
                .contains("'broadcast.local.webhooks.queue-capacity' must be a whole number from 1 to 10000000, "
                        + "not 'none'")
                .contains("'broadcast.local.outbox' must be none or jdbc, not 'kafka'")
                .contains("'broadcast.auth.allow-anonymous' must be true or false, not 'sometimes'"));
    }

    @Test
    void settingsWithinTheirRangesStart() {
        Map<String, String> config = localWith("max-connections", "1");
        config.put("broadcast.local.webhooks.queue-capacity", "1");
        config.put("broadcast.local.shutdown-timeout-ms", "0");

        try (WeldContainer container = start(config)) {
            assertThat(container.isRunning()).isTrue();
        }
    }

    @Test
    void namespacesWhosePatternsShareAChannelFailNamingOne() {
        Map<String, String> config = localWith("namespace.chat.pattern", "presence-chat.{room}");
        config.put("broadcast.local.namespace.lobby.pattern", "presence-{kind}.lobby");

        assertThatThrownBy(() -> start(config)).hasMessage("HERALD-0003: Property 'broadcast.local.namespace.lobby"
                + ".pattern' must be a pattern that shares no channel with namespace 'chat' ('presence-chat.{room}'): "
                + "both match 'presence-chat.lobby'");
    }

    @Test
    void anUnknownNamespaceOptionFailsListingTheOptions() {
        Map<String, String> config = localWith("namespace.chat.pattern", "presence-chat.{room}");
        config.put("broadcast.local.namespace.chat.max-members", "5");

        assertThatThrownBy(() -> start(config)).hasMessage("HERALD-0003: Property 'broadcast.local.namespace.chat"
                + ".max-members' must be one of a namespace's options: pattern, client-events, max-presence-members, "
                + "cache-ttl-seconds, max-subscribers");
    }

    @Test
    void aNamespaceWithoutAPatternFails() {
        assertThatThrownBy(() -> start(localWith("namespace.chat.client-events", "true")))
                .hasMessageContaining("HERALD-0001").hasMessageContaining("'broadcast.local.namespace.chat.pattern'");
    }

    @Test
    void aNamespacePatternNoChannelNameCanMatchFails() {
        assertThatThrownBy(() -> start(localWith("namespace.chat.pattern", "chat room {id}"))).hasMessage(
                "HERALD-0003: Property 'broadcast.local.namespace.chat.pattern' must be a channel pattern such as "
                        + "presence-chat.{room} (it has characters no channel name has (a {name} part is letters, "
                        + "digits and _ in braces))");
    }

    @Test
    void aNamespaceOptionOutsideItsRangeFails() {
        Map<String, String> config = localWith("namespace.chat.pattern", "presence-chat.{room}");
        config.put("broadcast.local.namespace.chat.cache-ttl-seconds", "0");

        assertThatThrownBy(() -> start(config)).hasMessage("HERALD-0003: Property 'broadcast.local.namespace.chat"
                + ".cache-ttl-seconds' must be a whole number from 1 to 86400, not '0'");
    }
}
