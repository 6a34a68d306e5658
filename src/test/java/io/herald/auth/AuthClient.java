package io.herald.auth;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import io.herald.testing.TestLogin;
import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;

/** Posts to the authorization endpoints the way pusher-js does: a form, as some user with some roles. */
final class AuthClient {
    static final String SOCKET = "1234.5678";
    private final HttpClient http = HttpClient.newHttpClient();
    private final URI channelEndpoint;
    private String user;
    private String roles;

    /** A client whose {@link #authorize} posts to {@code channelEndpoint}. */
    AuthClient(URI channelEndpoint) {
        this.channelEndpoint = channelEndpoint;
    }

    /** Asks to subscribe socket {@value #SOCKET} to {@code channel}, as pusher-js does. */
    HttpResponse<String> authorize(String channel) {
        return postForm(channelEndpoint, "socket_id", SOCKET, "channel_name", channel);
    }

    /** Requests sent after this are made as {@code name} with {@code roleList} (comma-separated). */
    AuthClient as(String name, String roleList) {
        this.user = name;
        this.roles = roleList;
        return this;
    }

    AuthClient as(String name) {
        return as(name, null);
    }

    AuthClient anonymous() {
        return as(null, null);
    }

    HttpResponse<String> postForm(URI uri, String... nameValuePairs) {
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < nameValuePairs.length; i += 2) {
            fields.put(nameValuePairs[i], nameValuePairs[i + 1]);
        }
        String form = fields.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(uri).header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
    }

    HttpResponse<String> postJson(URI uri, String json) {
        return send(request(uri).header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> get(URI uri) {
        return send(request(uri).GET());
    }

    static JsonObject json(HttpResponse<String> response) {
        return JsonParser.parseString(response.body()).getAsJsonObject();
    }

    private HttpRequest.Builder request(URI uri) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri);
        if (user != null) {
            builder.header(TestLogin.USER, user);
        }
        if (roles != null) {
            builder.header(TestLogin.ROLES, roles);
        }
        return builder;
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
