package it.helidon;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import it.scenarios.MissingCredentialScenario;
import it.scenarios.NewerJava;
import it.scenarios.ReadinessScenario;
import it.scenarios.RedeploymentScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.TransactionScenario;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scenarios on Helidon MP 4.2.0 (Weld, Jersey, Helidon's WebServer, Tyrus through helidon-microprofile-websocket,
 * Helidon's Health, Narayana through helidon-integrations-cdi-jta-weld), on Java 21 or newer. Helidon has no
 * redeployment: a restart on the same port stands for it. The application whose secret is missing is the same one
 * started with {@code broadcast.pusher.secret} empty, which MicroProfile Config reads as missing.
 */
class HelidonTest extends RuntimeScenarios
        implements MissingCredentialScenario, ReadinessScenario, TransactionScenario, RedeploymentScenario {
    private static Path javaHome;
    private static Path target;
    private static int port;
    private static HelidonProcess helidon;

    @BeforeAll
    static void start() throws Exception {
        javaHome = NewerJava.require(21, "Helidon 4");
        target = Path.of(System.getProperty("application.classpath")).getParent();
        port = freePort();
        helidon = HelidonProcess.start(javaHome, port, target.resolve("helidon.log"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (helidon != null) {
            helidon.close();
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public String failedDeploymentReport() throws Exception {
        return HelidonProcess.failedStart(javaHome, freePort(), target.resolve("helidon-broken.log"),
                HelidonProcess.applicationClassPath(), "broadcast.pusher.secret=");
    }

    // The local driver's part a runtime may lack: Helidon without helidon-microprofile-websocket (and so without the
    // Jakarta WebSocket API) must refuse to start, saying what to add, not answer the first browser with a 404.
    @Test
    void withoutWebSocketsALocalConnectionStopsTheStartNamingWhatToAdd() throws Exception {
        List<String> withoutWebSockets = HelidonProcess.applicationClassPath().stream()
                .filter(jar -> !jar.contains("websocket") && !jar.contains("tyrus")).toList();

        String output = HelidonProcess.failedStart(javaHome, freePort(), target.resolve("helidon-no-websocket.log"),
                withoutWebSockets);

        assertTrue(output.contains("HERALD-0027: Connection 'local' uses the local driver")
                && output.contains("helidon-microprofile-websocket"), output);
        assertFalse(output.contains("NoClassDefFoundError"), output);
    }

    @Override
    protected OversizedFrameRefusal oversizedFrameRefusal() {
        return OversizedFrameRefusal.TYRUS;
    }

    // Helidon stops its web server first thing when it shuts down (an observer of BeforeDestroyed(ApplicationScoped)
    // at priority 0), before any of the application's observers, and fires no CDI Shutdown event: connections drop
    // without a close frame, and clients reconnect by themselves.
    @Override
    public int closeCode() {
        return 1006;
    }

    @Override
    public void redeploy() throws Exception {
        helidon.close();
        helidon = HelidonProcess.start(javaHome, port, target.resolve("helidon-restarted.log"));
    }
}
