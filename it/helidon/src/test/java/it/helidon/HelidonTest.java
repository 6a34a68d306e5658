package it.helidon;

import it.scenarios.MissingCredentialScenario;
import it.scenarios.NewerJava;
import it.scenarios.ReadinessScenario;
import it.scenarios.RedeploymentScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.TransactionScenario;
import java.net.URI;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

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
    public URI applicationUri() {
        return baseUri();
    }

    @Override
    public URI readinessUri() {
        return baseUri().resolve("health/ready");
    }

    @Override
    public String failedDeploymentReport() throws Exception {
        return HelidonProcess.failedStart(javaHome, freePort(), target.resolve("helidon-broken.log"),
                "broadcast.pusher.secret=");
    }

    // Tyrus, as in Payara and GlassFish: a whole frame is read into its 4 MB incoming buffer before any part of it is
    // handed over.
    @Override
    protected OversizedFrameRefusal oversizedFrameRefusal() {
        return new OversizedFrameRefusal(5L * 1024 * 1024, 1011);
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
