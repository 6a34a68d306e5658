package it.scenarios;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Herald's readiness check, as the runtime's MicroProfile Health endpoint shows it: listed UP, DOWN while a
 * connection's queue is full (the application's {@code held} connection, filled on purpose), UP again once it drains,
 * with each queue's depth in its data. Each runtime says where its readiness endpoint is.
 */
public interface ReadinessScenario {

    /** Where the application's root is. */
    URI applicationUri();

    /** The runtime's readiness endpoint ({@code /health/ready}, {@code /q/health/ready}). */
    URI readinessUri();

    @Test
    default void readinessCheckIsListedAndFollowsAFullQueue() throws Exception {
        assertEquals("UP", heraldCheck().get("status").getAsString());

        assertEquals(204, post("test-support/held/fill").statusCode());
        JsonObject full = heraldCheck();
        assertEquals("DOWN", full.get("status").getAsString(), full.toString());
        assertEquals(1, full.getAsJsonObject("data").get("held.queue-depth").getAsInt(), full.toString());

        post("test-support/held/release");
        await().atMost(Duration.ofSeconds(20)).until(() -> heraldCheck().get("status").getAsString().equals("UP"));
    }

    private JsonObject heraldCheck() throws Exception {
        HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(readinessUri()).build(),
                HttpResponse.BodyHandlers.ofString());
        JsonObject health = JsonParser.parseString(answer.body()).getAsJsonObject();
        // This application's check: a server also lists the check of a deployment that failed (WildFly), DOWN.
        for (JsonElement check : health.getAsJsonArray("checks")) {
            JsonObject candidate = check.getAsJsonObject();
            if (candidate.get("name").getAsString().equals("herald-broadcasting") && candidate.has("data")
                    && candidate.getAsJsonObject("data").has("held.queue-depth")) {
                return candidate;
            }
        }
        assertTrue(false, "herald-broadcasting is not among the checks: " + answer.body());
        return null;
    }

    private HttpResponse<String> post(String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(applicationUri().resolve(path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
    }
}
