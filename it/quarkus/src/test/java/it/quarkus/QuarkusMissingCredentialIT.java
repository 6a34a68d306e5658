package it.quarkus;

import it.scenarios.MissingCredentialScenario;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/** The packaged application (target/quarkus-app) started with an empty secret must refuse to start. */
class QuarkusMissingCredentialIT implements MissingCredentialScenario {

    @Override
    public String failedDeploymentReport() throws Exception {
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
