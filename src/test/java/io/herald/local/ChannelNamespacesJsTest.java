package io.herald.local;

import io.herald.testing.NodeTestRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/channel-namespaces.test.mjs}: pusher-js in Node meets options by channel pattern (client
 * events allowed in one namespace only, a namespace's presence member limit, a namespace's subscriber limit), with
 * the Node {@code pusher} library reading subscription counts.
 */
class ChannelNamespacesJsTest {

    @Test
    void pusherJsMeetsEachNamespacesOptionsAndTheAppsElsewhere() throws Exception {
        assertThat(Path.of("node_modules", "pusher-js")).as("npm packages (run npm ci at the project root)").exists();
        try (HeraldServer server = HeraldServer.atRoot(LocalEnv.config(
                "broadcast.local.client-events=false",
                "broadcast.local.namespace.chat.pattern=private-chat.{room}",
                "broadcast.local.namespace.chat.client-events=true",
                "broadcast.local.namespace.lobby.pattern=presence-lobby.{id}",
                "broadcast.local.namespace.lobby.max-presence-members=2",
                "broadcast.local.namespace.limited.pattern=limited.{id}",
                "broadcast.local.namespace.limited.max-subscribers=2"))) {
            NodeTestRun.assertPasses("src/test/js/channel-namespaces.test.mjs", 6, 120, Map.of(
                    "HERALD_URL", "http://127.0.0.1:" + server.port(),
                    "HERALD_KEY", LocalEnv.KEY,
                    "HERALD_APP_ID", LocalEnv.APP_ID,
                    "HERALD_SECRET", LocalEnv.SECRET));
        }
    }
}
