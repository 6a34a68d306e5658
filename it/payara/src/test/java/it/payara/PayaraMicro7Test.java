package it.payara;

import it.scenarios.NewerJava;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios on Payara Micro 7 (Jakarta EE 11), which needs Java 21: found by {@link NewerJava}. */
class PayaraMicro7Test extends PayaraMicroScenarios {
    private static PayaraMicro server;

    @BeforeAll
    static void start() throws Exception {
        server = PayaraMicro.start("Payara Micro 7", Path.of(System.getProperty("payara7.jar")),
                NewerJava.require(21, "Payara Micro 7"));
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (server != null) {
            server.close();
        }
    }

    @Override
    PayaraMicro server() {
        return server;
    }
}
