package it.quarkus;

import io.quarkus.test.junit.QuarkusIntegrationTest;
import it.scenarios.RuntimeScenarios;
import java.io.File;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * The scenarios on the packaged Quarkus application (target/quarkus-app), where Herald runs through its
 * build-compatible extension. The broken deployment is the same application started with an empty secret.
 */
@QuarkusIntegrationTest
class QuarkusIT extends RuntimeScenarios {

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:18081/");
    }

    @Override
    protected String failedDeploymentReport() throws Exception {
        File log = Files.createTempFile("quarkus-broken", ".log").toFile();
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process app = new ProcessBuilder(java, "-Dbroadcast.pusher.secret=", "-Dquarkus.http.port=0",
                "-jar", "target/quarkus-app/quarkus-run.jar")
                .redirectErrorStream(true).redirectOutput(log).start();
        if (!app.waitFor(60, TimeUnit.SECONDS)) {
            app.destroyForcibly();
            return "still running after 60 s:\n" + Files.readString(log.toPath(), StandardCharsets.UTF_8);
        }
        return "exit " + app.exitValue() + "\n" + Files.readString(log.toPath(), StandardCharsets.UTF_8);
    }
}
