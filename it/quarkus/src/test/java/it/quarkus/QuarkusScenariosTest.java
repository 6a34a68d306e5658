package it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import it.scenarios.EchoScenario;
import it.scenarios.ReadinessScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.TransactionScenario;
import java.net.URI;

/**
 * The scenarios in Quarkus's test mode, where Herald runs through its build-compatible extension, next to
 * quarkus-smallrye-health, quarkus-micrometer-registry-prometheus, quarkus-opentelemetry and quarkus-hibernate-orm
 * (it/orders' entities, broadcast to laravel-echo).
 */
@QuarkusTest
class QuarkusScenariosTest extends RuntimeScenarios implements ReadinessScenario, TransactionScenario,
        EchoScenario {
    static final URI BASE = URI.create("http://127.0.0.1:18081/");

    @Override
    protected URI baseUri() {
        return BASE;
    }

    @Override
    public URI readinessUri() {
        return BASE.resolve("q/health/ready");
    }
}
