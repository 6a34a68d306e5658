package it.quarkus;

import io.quarkus.test.junit.QuarkusTest;
import it.scenarios.RuntimeScenarios;
import java.net.URI;

/** The scenarios in Quarkus's test mode, where Herald runs through its build-compatible extension. */
@QuarkusTest
class QuarkusScenariosTest extends RuntimeScenarios {

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:18081/");
    }
}
