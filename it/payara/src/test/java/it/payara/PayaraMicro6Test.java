package it.payara;

import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The scenarios on Payara Micro 6 (Jakarta EE 10), on the Java running the tests. */
class PayaraMicro6Test extends PayaraMicroScenarios {
    private static PayaraMicro server;

    @BeforeAll
    static void start() throws Exception {
        server = PayaraMicro.start("Payara Micro 6", Path.of(System.getProperty("payara6.jar")),
                Path.of(System.getProperty("java.home")));
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
