package io.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import java.net.http.HttpResponse;
import java.util.logging.Level;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An authorizer that cannot be created while the application starts (on GlassFish and Payara, one with a
 * {@code @PersistenceContext}: the container resolves it only inside a request) does not stop the deployment: its
 * pattern is checked at the first authorization request, and until it can be created it refuses.
 */
class LateAuthorizerTest {

    /** Stands for the server's naming context: there inside requests, missing while the application starts. */
    static volatile boolean resourcesAvailable;

    @ApplicationScoped
    public static class NeedsARequest implements ChannelAuthorizer {
        @PostConstruct
        void lookUpResources() {
            if (!resourcesAvailable) {
                throw new IllegalStateException("Lookup failed for 'java:comp/env/em'");
            }
        }

        @Override
        public String channel() {
            return "private-orders.{id}";
        }

        @Override
        public Authorization authorize(ChannelRequest request) {
            return Authorization.allowIf(request.userName().isPresent());
        }
    }

    @AfterEach
    void forget() {
        resourcesAvailable = false;
    }

    @Test
    void theApplicationStartsAndTheAuthorizerDecidesOnceItCanBeCreated() {
        try (LogCapture log = new LogCapture();
                HeraldServer server = HeraldServer.start(AuthEnv.config(), NeedsARequest.class)) {
            assertThat(log.messages(Level.WARNING)).anyMatch(m -> m.startsWith("HERALD-0235: ChannelAuthorizer "
                    + NeedsARequest.class.getName() + " could not be created when the application started"));
            resourcesAvailable = true;

            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("private-orders.7");

            assertThat(response.statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAuthorizerThatStillCannotBeCreatedRefusesWith403() {
        try (HeraldServer server = HeraldServer.start(AuthEnv.config(), NeedsARequest.class)) {
            HttpResponse<String> response = new AuthClient(server.uri("broadcasting/authorize")).as("ada")
                    .authorize("private-orders.7");

            assertThat(response.statusCode()).isEqualTo(403);
        }
    }
}
