package it.scenarios;

import io.herald.testing.NodeTestRun;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Unmodified laravel-echo 2 with pusher-js, in Node, against a runtime whose application includes it/orders (JPA
 * entities listed with Herald's {@code ChangeBroadcaster}, the container's transactions): the library's
 * {@code src/test/js/echo.test.mjs}, which the Weld SE test runs too. Echo receives {@code .OrderCreated},
 * {@code .OrderUpdated} (once for ten updates in a transaction, never for a rolled-back one), {@code .OrderDeleted}
 * (the id only, no lazy association) and {@code .notification()}; another user is refused both channels.
 */
public interface EchoScenario {

    /** The application's root, where its JAX-RS resources and Herald's endpoints are. */
    URI applicationUri();

    @Test
    default void laravelEchoReceivesEntityChangesAndNotifications() throws Exception {
        Path script = projectRoot().resolve("src/test/js/echo.test.mjs");
        URI base = applicationUri();
        String api = base.getPath().replaceAll("/$", "");
        NodeTestRun.assertPasses(script.toString(), 4, 120, Map.of(
                "HERALD_URL", base.getScheme() + "://" + base.getHost() + ":" + base.getPort(),
                "HERALD_API", api,
                "HERALD_KEY", RuntimeScenarios.KEY,
                "HERALD_USER_HEADER", "X-User"));
    }

    // it/<runtime> runs in place, two levels below the library's root, where node_modules is.
    private static Path projectRoot() {
        Path here = Path.of("").toAbsolutePath();
        for (Path candidate = here; candidate != null; candidate = candidate.getParent()) {
            if (Files.exists(candidate.resolve("src/test/js/echo.test.mjs"))) {
                return candidate;
            }
        }
        throw new IllegalStateException("No src/test/js/echo.test.mjs above " + here);
    }
}
