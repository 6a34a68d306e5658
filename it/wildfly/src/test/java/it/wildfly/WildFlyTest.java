package it.wildfly;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import it.scenarios.EchoScenario;
import it.scenarios.MissingCredentialScenario;
import it.scenarios.ReadinessScenario;
import it.scenarios.RedeploymentScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.TransactionScenario;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The scenarios on WildFly 39 (standalone.xml, as unpacked): ROOT.war is the application, broken.war the one whose
 * secret is missing; both go in through the deployment scanner, whose marker files say how each deployment went.
 */
class WildFlyTest extends RuntimeScenarios
        implements MissingCredentialScenario, RedeploymentScenario, ReadinessScenario, TransactionScenario,
        EchoScenario {
    private static Process server;
    private static int port;
    private static int management;
    private static Path deployments;

    @BeforeAll
    static void start() throws Exception {
        Path home = Path.of(System.getProperty("wildfly.home"));
        deployments = home.resolve("standalone/deployments");
        // ROOT.war takes "/", which WildFly's welcome content holds by default. The MicroProfile configuration has
        // Health (and Micrometer, OpenTelemetry), as an application that uses them runs.
        Path config = home.resolve("standalone/configuration/standalone-microprofile.xml");
        Files.writeString(config, Files.readString(config).replace("<location name=\"/\" handler=\"welcome-content\"/>", ""));
        for (String war : new String[] {"ROOT.war", "broken.war"}) {
            Files.copy(Path.of(System.getProperty("deployments"), war), deployments.resolve(war),
                    StandardCopyOption.REPLACE_EXISTING);
        }
        port = freePort();
        management = freePort();
        server = new ProcessBuilder(home.resolve("bin/standalone.sh").toString(), "-c", "standalone-microprofile.xml",
                "-Djboss.http.port=" + port,
                "-Djboss.management.http.port=" + management, "-Djboss.https.port=" + freePort(),
                "-Dit.http.port=" + port, "-Djboss.bind.address=127.0.0.1")
                .redirectErrorStream(true)
                .redirectOutput(home.resolve("server-output.log").toFile())
                .start();
        awaitMarker("ROOT.war", Duration.ofMinutes(3));
        awaitMarker("broken.war", Duration.ofMinutes(1));
        if (Files.exists(deployments.resolve("ROOT.war.failed"))) {
            throw new IllegalStateException(Files.readString(deployments.resolve("ROOT.war.failed")));
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.descendants().forEach(ProcessHandle::destroy);
            server.destroy();
            server.waitFor();
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + port + "/");
    }

    @Override
    public URI readinessUri() {
        return URI.create("http://127.0.0.1:" + management + "/health/ready");
    }

    // The deployment scanner redeploys an archive whose timestamp changed; its .deployed marker is written anew.
    @Override
    public void redeploy() throws Exception {
        Path marker = deployments.resolve("ROOT.war.deployed");
        FileTime before = Files.getLastModifiedTime(marker);
        Files.setLastModifiedTime(deployments.resolve("ROOT.war"), FileTime.from(Instant.now()));
        Instant deadline = Instant.now().plus(Duration.ofMinutes(2));
        while (!(Files.exists(marker) && Files.getLastModifiedTime(marker).compareTo(before) > 0)) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("ROOT.war was not redeployed within 2 minutes");
            }
            Thread.sleep(250);
        }
    }

    // WildFly keeps broken.war's health check listed after its deployment failed: Herald says it is not ready.
    @Test
    void deploymentWhoseBroadcastingFailedToStartIsNotReady() throws Exception {
        String health = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest.newBuilder(readinessUri())
                .build(), java.net.http.HttpResponse.BodyHandlers.ofString()).body();
        JsonArray checks = JsonParser.parseString(health).getAsJsonObject().getAsJsonArray("checks");
        List<String> herald = new ArrayList<>();
        checks.forEach(check -> {
            JsonObject found = check.getAsJsonObject();
            if (found.get("name").getAsString().equals("herald-broadcasting")) {
                herald.add(found.get("status").getAsString());
            }
        });

        assertEquals(List.of("DOWN", "UP"), herald.stream().sorted().toList(), health);
    }

    @Override
    public String failedDeploymentReport() throws IOException {
        return Files.readString(deployments.resolve("broken.war.failed"), StandardCharsets.UTF_8);
    }

    private static void awaitMarker(String war, Duration timeout) throws InterruptedException {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (Files.exists(deployments.resolve(war + ".deployed")) || Files.exists(deployments.resolve(war + ".failed"))) {
                return;
            }
            if (!server.isAlive()) {
                throw new IllegalStateException("WildFly exited; see server-output.log");
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(war + " was neither deployed nor failed within " + timeout);
    }
}
