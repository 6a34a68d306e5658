package io.herald.data;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/echo.test.mjs}: unmodified laravel-echo 2 with pusher-js in Node, against Herald's local
 * server in Weld SE with Hibernate, H2 and Narayana's JTA ({@link JtaPersistence}), receives entity changes and
 * notifications as a Laravel front end does.
 */
class EchoOnLocalServerTest {

    private static final Map<String, String> CONFIG = Map.of("broadcast.default", "local",
            "broadcast.local.driver", "local", "broadcast.local.app-id", "7", "broadcast.local.key", "echo-key",
            "broadcast.local.secret", "echo-secret");

    @Test
    void laravelEchoReceivesEntityChangesAndNotifications() throws Exception {
        assertThat(Path.of("node_modules", "laravel-echo")).as("npm packages (run npm ci at the project root)").exists();
        try (HeraldServer server = HeraldServer.atRoot(CONFIG, JtaPersistence.class, OrdersResource.class,
                OwnOrders.class, OwnNotifications.class)) {
            io.herald.testing.NodeTestRun.assertPasses("src/test/js/echo.test.mjs", 4, 120, Map.of(
                    "HERALD_URL", "http://127.0.0.1:" + server.port(), "HERALD_KEY", "echo-key"));
        }
    }

    @Test
    void withNotificationsViaUserASignedInUserReceivesThemOnPusherUser() throws Exception {
        Map<String, String> config = new java.util.HashMap<>(CONFIG);
        config.put("broadcast.notifications.via", "user");
        try (HeraldServer server = HeraldServer.atRoot(config, JtaPersistence.class, OrdersResource.class,
                OwnOrders.class, OwnNotifications.class)) {
            io.herald.testing.NodeTestRun.assertPasses("src/test/js/notifications-to-user.test.mjs", 1, 60, Map.of(
                    "HERALD_URL", "http://127.0.0.1:" + server.port(), "HERALD_KEY", "echo-key"));
        }
    }
}
