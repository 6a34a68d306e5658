package it.quarkusdev;

import it.scenarios.RedeploymentScenario;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/**
 * it/app under {@code quarkus:dev}, as a developer runs it: a source file is edited while clients are connected, and
 * the next request reloads the application. Connections are handed over to the reloaded application, which closes
 * them with 4100 once it serves (see {@code LiveReload}).
 */
class QuarkusDevModeTest implements RedeploymentScenario {
    private static DevMode app;
    private static int generation;

    @BeforeAll
    static void start() throws Exception {
        app = DevMode.start("dev-app", "reloaded", "generation-0");
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (app != null) {
            app.stop();
        }
    }

    @Override
    public URI applicationUri() {
        return app.uri();
    }

    @Override
    public int closeCode() {
        return 4100;
    }

    @Override
    public void redeploy() throws Exception {
        generation++;
        app.edit("src/main/java/dev/Reloaded.java", "generation-" + generation);
    }
}
