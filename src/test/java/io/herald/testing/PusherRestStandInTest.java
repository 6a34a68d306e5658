package io.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.internal.signing.RequestVerifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The stand-in refuses what Pusher refuses: checked with Pusher's own example and with pusher-http-java. */
class PusherRestStandInTest {
    private static final String BODY = "{\"name\":\"foo\",\"channels\":[\"project-3\"],\"data\":\"{\\\"some\\\":\\\"data\\\"}\"}";
    private PusherRestStandIn standIn;
    private Pusher pusher;

    @BeforeEach
    void start() throws Exception {
        standIn = new PusherRestStandIn();
        pusher = new Pusher(PusherRestStandIn.APP_ID, PusherRestStandIn.KEY, PusherRestStandIn.SECRET);
        pusher.setHost("127.0.0.1:" + standIn.port());
    }

    @AfterEach
    void stop() throws Exception {
        pusher.close();
        standIn.close();
    }

    @Test
    void pushersOwnSigningExampleIsAcceptedAtItsTime() {
        Map<String, String> query = Map.of("auth_key", PusherRestStandIn.KEY, "auth_timestamp", "1353088179",
                "auth_version", "1.0", "body_md5", "ec365a775a4cd0599faeb73354201b6f",
                "auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");

        assertThat(standIn.checkSignature("POST", "/apps/3/events", new RequestVerifier.Query(query, Set.of()), BODY.getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(1353088179 + 599))).isNull();
    }

    @Test
    void timestampSixHundredSecondsOffIsRefused() {
        Map<String, String> query = Map.of("auth_key", PusherRestStandIn.KEY, "auth_timestamp", "1353088179",
                "auth_version", "1.0", "body_md5", "ec365a775a4cd0599faeb73354201b6f",
                "auth_signature", "da454824c97ba181a32ccc17a72625ba02771f50b50e1e7430e47a1f3f457e6c");

        assertThat(standIn.checkSignature("POST", "/apps/3/events", new RequestVerifier.Query(query, Set.of()), BODY.getBytes(StandardCharsets.UTF_8),
                Instant.ofEpochSecond(1353088179 + 600))).extracting(PusherRestStandIn.Answer::status).isEqualTo(401);
    }

    @Test
    void pusherHttpJavaTriggerIsAcceptedAndRecorded() {
        Result result = pusher.trigger("project-3", "foo", Map.of("some", "data"));

        assertThat(result.getStatus()).isEqualTo(Result.Status.SUCCESS);
        assertThat(standIn.published()).containsExactly(
                new PusherRestStandIn.Published(List.of("project-3"), "foo", "{\"some\":\"data\"}", null));
    }

    @Test
    void requestSignedWithAnotherSecretIsRefusedWith401() throws Exception {
        try (Pusher impostor = new Pusher(PusherRestStandIn.APP_ID, PusherRestStandIn.KEY, "not-the-secret")) {
            impostor.setHost("127.0.0.1:" + standIn.port());

            Result result = impostor.trigger("project-3", "foo", Map.of());

            assertThat(result.getHttpStatus()).isEqualTo(401);
            assertThat(standIn.published()).isEmpty();
        }
    }

    @Test
    void bodyChangedAfterSigningIsRefused() throws Exception {
        URI signed = pusher.signedUri("POST", "/apps/3/events", BODY);
        String tampered = BODY.replace("project-3", "project-4");

        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(signed)
                .POST(HttpRequest.BodyPublishers.ofString(tampered)).build(), HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("body_md5");
    }

    @Test
    void dataOverTenKilobytesIsRefusedWith413() {
        Result result = pusher.trigger("project-3", "foo", "x".repeat(10 * 1024));

        assertThat(result.getHttpStatus()).isEqualTo(413);
    }

    @Test
    void batchOfMoreThanTenIsRefusedWith400() {
        List<com.pusher.rest.data.Event> batch = java.util.stream.IntStream.range(0, 11)
                .mapToObj(i -> new com.pusher.rest.data.Event("c" + i, "e", Map.of())).toList();

        assertThat(pusher.trigger(batch).getHttpStatus()).isEqualTo(400);
    }
}
