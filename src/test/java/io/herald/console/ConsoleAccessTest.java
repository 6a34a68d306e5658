package io.herald.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.testing.HeraldServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Who may see Herald's console, over HTTP on a real server: nobody while it is disabled (404), users in its role,
 * and anonymous requests only from this machine, through no proxy, when that is allowed.
 */
class ConsoleAccessTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    static Map<String, String> config(String... extra) {
        Map<String, String> config = new HashMap<>(Map.of("broadcast.default", "local",
                "broadcast.local.driver", "local", "broadcast.local.app-id", "77", "broadcast.local.key", "console-key",
                "broadcast.local.secret", "console-secret"));
        for (String entry : extra) {
            int equals = entry.indexOf('=');
            config.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return config;
    }

    static HttpResponse<String> get(URI uri, String... headers) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri);
        for (int i = 0; i < headers.length; i += 2) {
            request.header(headers[i], headers[i + 1]);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    static int asUser(HeraldServer server, String path, String role) throws Exception {
        return get(server.uri(path), "X-Test-User", "ada", "X-Test-Roles", role).statusCode();
    }

    @Test
    void aDisabledConsoleIsNotThere() throws Exception {
        try (HeraldServer server = HeraldServer.start(config())) {
            assertThat(asUser(server, "broadcasting/console", "admin")).isEqualTo(404);
            assertThat(asUser(server, "broadcasting/console/state", "admin")).isEqualTo(404);
        }
    }

    @Test
    void aUserInTheConsolesRoleGetsThePageWithItsAssetsFromTheJar() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true"))) {
            HttpResponse<String> page = get(server.uri("broadcasting/console"), "X-Test-User", "ada",
                    "X-Test-Roles", "admin");
            assertThat(page.statusCode()).isEqualTo(200);
            assertThat(page.body()).contains("<script src=\"/api/broadcasting/console/console.js\">")
                    .doesNotContain("http://").doesNotContain("https://");
            assertThat(page.headers().firstValue("Content-Security-Policy")).hasValueSatisfying(
                    policy -> assertThat(policy).startsWith("default-src 'self'"));
            assertThat(get(server.uri("broadcasting/console/console.js"), "X-Test-User", "ada", "X-Test-Roles",
                    "admin").body()).contains("private-herald-console");
        }
    }

    @Test
    void aUserNotInTheRoleIsRefused() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true"))) {
            HttpResponse<String> refused = get(server.uri("broadcasting/console/state"), "X-Test-User", "bob",
                    "X-Test-Roles", "basic");
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.body()).isEqualTo("The console is for users in role 'admin'");
        }
    }

    @Test
    void theRoleIsConfigurable() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true",
                "broadcast.console.role=ops"))) {
            assertThat(asUser(server, "broadcasting/console/state", "admin")).isEqualTo(403);
            assertThat(asUser(server, "broadcasting/console/state", "ops")).isEqualTo(200);
        }
    }

    @Test
    void anAnonymousRequestIsRefusedUnlessLoopbackAccessIsAllowed() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true"))) {
            assertThat(get(server.uri("broadcasting/console/state")).statusCode()).isEqualTo(403);
        }
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true",
                "broadcast.console.allow-anonymous-loopback=true"))) {
            assertThat(get(server.uri("broadcasting/console/state")).statusCode()).isEqualTo(200);
        }
    }

    @Test
    void anAnonymousRequestFromANonLoopbackAddressIsRefusedEvenWithLoopbackAccessOn() throws Exception {
        java.net.InetAddress own = java.util.Collections.list(java.net.NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> java.util.Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof java.net.Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElse(null);
        org.junit.jupiter.api.Assumptions.assumeTrue(own != null, "this machine has a non-loopback IPv4 address");
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true",
                "broadcast.console.allow-anonymous-loopback=true"))) {
            // The request leaves from this machine's network address, not from loopback.
            try (java.net.Socket socket = new java.net.Socket()) {
                socket.bind(new java.net.InetSocketAddress(own, 0));
                socket.connect(new java.net.InetSocketAddress("127.0.0.1", server.port()), 5000);
                socket.getOutputStream().write(("GET " + server.uri("broadcasting/console/state").getPath()
                        + " HTTP/1.1\r\nHost: 127.0.0.1\r\nConnection: close\r\n\r\n")
                        .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
                String answer = new String(socket.getInputStream().readAllBytes(),
                        java.nio.charset.StandardCharsets.US_ASCII);
                assertThat(answer).startsWith("HTTP/1.1 403");
            }
            assertThat(get(server.uri("broadcasting/console/state")).statusCode()).as("the same from loopback")
                    .isEqualTo(200);
        }
    }

    @Test
    void anAnonymousRequestThroughAProxyIsRefusedEvenFromLoopback() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true",
                "broadcast.console.allow-anonymous-loopback=true"))) {
            assertThat(get(server.uri("broadcasting/console/state"), "X-Forwarded-For", "203.0.113.9").statusCode())
                    .isEqualTo(403);
            assertThat(get(server.uri("broadcasting/console/state"), "Forwarded", "for=203.0.113.9").statusCode())
                    .isEqualTo(403);
        }
    }

    @Test
    void theConsoleMovesToItsConfiguredPath() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true",
                "broadcast.console.path=ops/herald"))) {
            assertThat(asUser(server, "ops/herald/state", "admin")).isEqualTo(200);
            assertThat(asUser(server, "broadcasting/console/state", "admin")).isEqualTo(404);
        }
    }

    @Test
    void theAuthorizationEndpointNeverSignsTheConsolesChannel() throws Exception {
        try (HeraldServer server = HeraldServer.start(config("broadcast.console.enabled=true"))) {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(server.uri("broadcasting/authorize"))
                    .header("X-Test-User", "ada").header("X-Test-Roles", "admin")
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("socket_id=1.1&channel_name=private-herald-console"))
                    .build(), HttpResponse.BodyHandlers.ofString());
            assertThat(answer.statusCode()).isEqualTo(403);
        }
    }
}
