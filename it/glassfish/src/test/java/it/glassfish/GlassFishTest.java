package it.glassfish;

import it.scenarios.MissingCredentialScenario;
import it.scenarios.NewerJava;
import it.scenarios.ReadinessScenario;
import it.scenarios.RedeploymentScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.TransactionScenario;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * The scenarios on GlassFish 8.0.0 (Jakarta EE 11: Weld, Jersey, Tyrus, Grizzly) with its MicroProfile Config and
 * Health, on Java 21 or newer: a domain created for the run, ROOT.war deployed at "/" and broken.war beside it with
 * {@code asadmin deploy}, whose answer tells how broken.war failed; a redeployment is {@code asadmin deploy --force}.
 */
class GlassFishTest extends RuntimeScenarios
        implements MissingCredentialScenario, ReadinessScenario, TransactionScenario, RedeploymentScenario {
    private static Asadmin asadmin;
    private static String brokenDeployment;

    @BeforeAll
    static void start() throws Exception {
        Path javaHome = NewerJava.require(21, "GlassFish 8");
        Path home = Path.of(System.getProperty("glassfish.home"));
        Path domains = home.resolveSibling("domains");
        Files.createDirectories(domains);
        asadmin = new Asadmin(home, javaHome, domains, Asadmin.freePortBase());
        if (Files.exists(domains.resolve("herald"))) {
            check(asadmin.local("delete-domain", "herald"));
        }
        check(asadmin.local("create-domain", "--nopassword", "--portbase",
                String.valueOf(asadmin.httpPort() - 80), "herald"));
        check(asadmin.local("start-domain", "herald"));
        deployRoot();
        brokenDeployment = asadmin.remote("deploy", "--contextroot", "/broken", "--name", "broken",
                deployment("broken.war")).output();
    }

    @AfterAll
    static void stop() throws Exception {
        if (asadmin != null) {
            asadmin.local("stop-domain", "herald");
        }
    }

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + asadmin.httpPort() + "/");
    }

    @Override
    protected OversizedFrameRefusal oversizedFrameRefusal() {
        return OversizedFrameRefusal.TYRUS;
    }

    @Override
    public String failedDeploymentReport() {
        return brokenDeployment;
    }

    @Override
    public void redeploy() throws Exception {
        deployRoot();
    }

    private static void deployRoot() throws Exception {
        check(asadmin.remote("deploy", "--force=true", "--contextroot", "/", "--name", "ROOT",
                deployment("ROOT.war")));
    }

    private static String deployment(String war) {
        return Path.of(System.getProperty("deployments")).resolve(war).toString();
    }

    private static void check(Asadmin.Result result) {
        if (result.exitCode() != 0) {
            throw new IllegalStateException("asadmin failed (" + result.exitCode() + "):\n" + result.output());
        }
    }
}
