package it.payara;

import it.scenarios.EchoScenario;
import it.scenarios.MissingCredentialScenario;
import it.scenarios.ReadinessScenario;
import it.scenarios.RuntimeScenarios;
import it.scenarios.TransactionScenario;
import java.io.IOException;
import java.net.URI;

/**
 * The scenarios on a Payara Micro with its own MicroProfile Config: ROOT.war is the application at "/", broken.war
 * the one whose secret is missing, deployed side by side; the server's log tells how broken.war failed. Each
 * version's test starts its {@link PayaraMicro}.
 */
abstract class PayaraMicroScenarios extends RuntimeScenarios
        implements MissingCredentialScenario, ReadinessScenario, TransactionScenario, EchoScenario {

    /** The server this version's test started. */
    abstract PayaraMicro server();

    @Override
    protected URI baseUri() {
        return URI.create("http://127.0.0.1:" + server().port() + "/");
    }

    @Override
    protected OversizedFrameRefusal oversizedFrameRefusal() {
        return OversizedFrameRefusal.TYRUS;
    }

    @Override
    public String failedDeploymentReport() throws IOException {
        return server().log();
    }
}
