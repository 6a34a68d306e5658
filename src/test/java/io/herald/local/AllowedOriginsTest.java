package io.herald.local;

import io.herald.testing.NodeTestRun;
import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.pusher.client.connection.ConnectionState;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code allowed-origins}: a WebSocket upgrade from an origin no {@code local} app allows is refused before the
 * connection is accepted (Undertow declines the upgrade); one allowed by another app is closed with Pusher's 4009; a client without
 * {@code Origin} follows {@code allow-missing-origin}. Checked with a raw client, pusher-java-client and Chromium.
 */
class AllowedOriginsTest {
    private static final String ALLOWED = "https://app.example.com";
    private static int pagePort;
    private static HeraldServer server;

    @BeforeAll
    static void start() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            pagePort = socket.getLocalPort();
        }
        server = HeraldServer.atRoot(LocalEnv.config(
                "broadcast.local.allowed-origins=" + ALLOWED + ", http://localhost:" + pagePort,
                "broadcast.strict.driver=local", "broadcast.strict.app-id=7", "broadcast.strict.key=strict-key",
                "broadcast.strict.secret=strict-secret", "broadcast.strict.allowed-origins=https://other.example.com",
                "broadcast.strict.allow-missing-origin=false"));
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // The first frame the server sends, or the close code it sends instead.
    private static String firstAnswer(URI uri, String origin) throws Exception {
        CompletableFuture<String> answer = new CompletableFuture<>();
        WebSocket.Builder builder = HttpClient.newHttpClient().newWebSocketBuilder();
        if (origin != null) {
            builder.header("Origin", origin);
        }
        WebSocket socket = builder.buildAsync(uri, new WebSocket.Listener() {
            @Override
            public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                if (!data.toString().contains("pusher:error")) {
                    answer.complete(data.toString());
                }
                webSocket.request(1);
                return null;
            }

            @Override
            public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
                answer.complete("closed " + statusCode);
                return null;
            }
        }).get(10, TimeUnit.SECONDS);
        try {
            return answer.get(10, TimeUnit.SECONDS);
        } finally {
            socket.abort();
        }
    }

    @Test
    void anAllowedOriginConnects() throws Exception {
        assertThat(firstAnswer(server.webSocket(LocalEnv.KEY), ALLOWED)).contains("pusher:connection_established");
    }

    @Test
    void anOriginNoAppAllowsIsRefusedBeforeTheConnectionIsAcceptedAndLoggedAtDebug() throws Exception {
        try (LogCapture log = LogCapture.withDebug()) {
            assertThatThrownBy(() -> firstAnswer(server.webSocket(LocalEnv.KEY), "https://evil.test"))
                    .isInstanceOf(ExecutionException.class)
                    // Undertow declines the upgrade and the request goes on as plain HTTP (404 here); others say 403
                    .hasRootCauseMessage("Unexpected HTTP response status code 404");

            assertThat(log.text()).contains("HERALD-0227: A WebSocket handshake from origin 'https://evil.test' was "
                    + "refused");
        }
    }

    @Test
    void anOriginAnotherAppAllowsIsClosedWith4009() throws Exception {
        assertThat(firstAnswer(server.webSocket("strict-key"), ALLOWED)).isEqualTo("closed 4009");
    }

    @Test
    void aClientWithoutOriginConnectsUnlessItsAppRefusesThat() throws Exception {
        assertThat(firstAnswer(server.webSocket(LocalEnv.KEY), null)).contains("pusher:connection_established");
        assertThat(firstAnswer(server.webSocket("strict-key"), null)).isEqualTo("closed 4009");
    }

    @Test
    void pusherJavaClientSendsNoOriginAndConnects() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribe("news", ada.listener);

            assertThat(next(ada.subscribed)).isEqualTo("news");
            assertThat(ada.pusher.getConnection().getState()).isEqualTo(ConnectionState.CONNECTED);
        }
    }

    @Test
    void chromiumConnectsFromAnAllowedPageAndIsRefusedFromAnotherOrigin() throws Exception {
        assertThat(Path.of("node_modules", "playwright-core")).as("npm packages (run npm ci)").exists();
        NodeTestRun.assertPasses("src/test/js/allowed-origins.test.mjs", 2, 90, Map.of(
                "HERALD_PORT", String.valueOf(server.port()),
                "HERALD_KEY", LocalEnv.KEY,
                "PAGE_PORT", String.valueOf(pagePort)));
    }
}
