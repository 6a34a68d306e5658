package it.payara;

import it.scenarios.MissingCredentialScenario;
import it.scenarios.ReadinessScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.ServerStartup;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scenarios on Payara Micro 6.2025.10 with its own MicroProfile Config: ROOT.war is the application at "/",
 * broken.war the one whose secret is missing, deployed side by side; the server's log tells how broken.war failed.
 */
class PayaraMicroTest extends RuntimeScenarios implements MissingCredentialScenario, ReadinessScenario {
    private static Process server;
    private static int port;
    private static Path log;

    @BeforeAll
    static void start() throws Exception {
        Path deployments = Path.of(System.getProperty("deployments"));
        log = Path.of(System.getProperty("payara.jar")).resolveSibling("payara-output.log");
        port = freePort();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        server = new ProcessBuilder(java, "-Dit.http.port=" + port, "-jar", System.getProperty("payara.jar"),
                "--deploy", deployments.resolve("ROOT.war").toString(),
                "--deploy", deployments.resolve("broken.war").toString(),
                "--port", String.valueOf(port), "--nocluster", "--nohostaware")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        ServerStartup.await("Payara Micro", server, () -> Files.readString(log), "Payara Micro URLs",
                URI.create("http://127.0.0.1:" + port + "/releases"), Duration.ofMinutes(3));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.destroy();
            server.waitFor();
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    // Tyrus reads a whole frame into its incoming buffer (4 MB unless the application's web.xml sets
    // org.glassfish.tyrus.servlet.incoming-buffer-size) before it hands over any part of it, and closes with 1011
    // once a frame outgrows it.
    @Override
    protected OversizedFrameRefusal oversizedFrameRefusal() {
        return new OversizedFrameRefusal(5L * 1024 * 1024, 1011);
    }

    @Override
    public URI applicationUri() {
        return baseUri();
    }

    @Override
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + port + "/health/ready");
    }

    @Override
    public String failedDeploymentReport() throws IOException {
        return Files.readString(log, StandardCharsets.UTF_8);
    }
}
