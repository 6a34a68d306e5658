package io.herald.auth;

import static io.herald.auth.AuthClient.json;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * What an anonymous client can send that no browser does: every such body is a 400 with a JSON error, and nothing
 * it sends makes the server log an error or a stack trace.
 */
class MalformedRequestTest {
    private static HeraldServer server;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        server = HeraldServer.start(AuthEnv.config());
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String contentType, String body) throws Exception {
        return http.send(HttpRequest.newBuilder(server.uri(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "broadcasting/authorize | socket_id=1.2%",
            "broadcasting/authorize | socket_id=%zz&channel_name=private-a",
            "broadcasting/authorize | socket_id=1.2&channel_name=private-%e",
            "broadcasting/user-auth | socket_id=1.2%",
            "broadcasting/user-auth | %zz=1"})
    void malformedPercentEscapeIsABadRequestWithoutAStackTrace(String path, String form) throws Exception {
        try (LogCapture log = LogCapture.everything()) {
            HttpResponse<String> response = post(path, "application/x-www-form-urlencoded", form);

            assertThat(response.statusCode()).isEqualTo(400);
            assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
                    type -> assertThat(type).startsWith("application/json"));
            assertThat(response.headers().firstValue("Cache-Control")).hasValue("no-store");
            assertThat(json(response).get("error").getAsString()).contains("percent");
            assertThat(log.errorsOrStackTraces()).isEmpty();
        }
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "broadcasting/authorize | {'socket_id':'1.2','channel_name':'private-a'}",
            "broadcasting/authorize | {socket_id:\"1.2\",channel_name:\"private-a\"}",
            "broadcasting/user-auth | {\"socket_id\":\"1.2\"} trailing"})
    void jsonThatIsNotStrictJsonIsABadRequest(String path, String body) throws Exception {
        HttpResponse<String> response = post(path, "application/json", body);

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(json(response).has("error")).isTrue();
    }

}
