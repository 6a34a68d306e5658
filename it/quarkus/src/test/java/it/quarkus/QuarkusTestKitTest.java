package it.quarkus;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.testkit.RecordedBroadcasts;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import it.app.OrderShipped;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An application's own {@code @QuarkusTest} with Herald's test kit: the default connection is the {@code memory}
 * driver, and the test asserts on what its endpoints broadcast.
 */
@QuarkusTest
@TestProfile(QuarkusTestKitTest.MemoryDriver.class)
class QuarkusTestKitTest {
    private final HttpClient http = HttpClient.newHttpClient();

    /** The settings an application's tests use (or {@code %test.broadcast...} in application.properties). */
    public static class MemoryDriver implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("broadcast.default", "test", "broadcast.test.driver", "memory");
        }
    }

    @Inject
    RecordedBroadcasts broadcasts;

    @BeforeEach
    void forget() {
        broadcasts.clear();
    }

    private int send(HttpRequest.Builder request) throws Exception {
        return http.send(request.build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void shippingAnOrderBroadcastsItOnceWithTheApplicationsJson() throws Exception {
        assertEquals(204, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18081/shipments"))
                .POST(HttpRequest.BodyPublishers.noBody())));

        broadcasts.assertSent(OrderShipped.class).through("test").onChannels("shipments")
                .withPayload(json -> json.contains("\"shipped_by\":\"ada\"") && !json.contains("fragile")).once();
    }

    @Test
    void showingAnOrderBroadcastsNothing() throws Exception {
        assertEquals(200, send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:18081/shipments"))));

        broadcasts.assertNothingSent();
    }
}
