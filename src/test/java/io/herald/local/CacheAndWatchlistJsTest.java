package io.herald.local;

import io.herald.testing.NodeTestRun;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Runs {@code src/test/js/cache-and-watchlist.test.mjs}: pusher-js in Node gets a cache channel's last event (or
 * {@code pusher:cache_miss}) and its watchlist's {@code online} / {@code offline} events from the local server.
 */
class CacheAndWatchlistJsTest {

    @Test
    void pusherJsGetsCachedEventsCacheMissesAndWatchlistEvents() throws Exception {
        assertThat(Path.of("node_modules", "pusher-js")).as("npm packages (run npm ci at the project root)").exists();
        try (HeraldServer server = HeraldServer.atRoot(LocalEnv.config(), Watchers.class)) {
            NodeTestRun.assertPasses("src/test/js/cache-and-watchlist.test.mjs", 4, 120, Map.of(
                    "HERALD_URL", "http://127.0.0.1:" + server.port(),
                    "HERALD_KEY", LocalEnv.KEY,
                    "HERALD_APP_ID", LocalEnv.APP_ID,
                    "HERALD_SECRET", LocalEnv.SECRET));
        }
    }
}
