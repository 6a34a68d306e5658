package io.herald.testing;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.internal.signing.Hmac;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pusher's REST API as the real service checks it, for tests: the one stand-in in this project, because Pusher's
 * cloud cannot be reached from here. It verifies {@code auth_key}, {@code auth_version=1.0}, {@code auth_timestamp}
 * within 600 s, {@code body_md5} of the actual body and the HMAC-SHA256 signature over the sorted query (in constant
 * time), then Pusher's limits (10 KB data, 100 channels, 10 events a batch, 200-character names), and records each
 * event it accepts. Faults can be scripted: an answer for the next requests, a delay, or a refused connection.
 *
 * <p>Needs {@code -Dsun.net.httpserver.nodelay=true} (set by the build): without it every answer to a keep-alive
 * client waits about 40 ms on Nagle's algorithm.
 */
public final class PusherRestStandIn implements AutoCloseable {
    public static final String APP_ID = "3";
    public static final String KEY = "278d425bdf160c739803";
    public static final String SECRET = "7ad3773142a6692b25b8";

    static final int MAX_DATA_BYTES = 10 * 1024;
    private static final Pattern CHANNEL = Pattern.compile("#?[-a-zA-Z0-9_=@,.;]{1,200}");
    private static final Pattern TERMINATE = Pattern.compile("/users/([-a-zA-Z0-9_=@,.;]+)/terminate_connections");
    private static final Pattern SOCKET_ID = Pattern.compile("\\d+\\.\\d+");

    /** One event Pusher accepted; an event to several channels is one {@code Published}. */
    public record Published(List<String> channels, String name, String data, String socketId) {
        public String channel() {
            return channels.get(0);
        }
    }

    /** A scripted answer. */
    public record Answer(int status, String body) {
    }

    private final String appId;
    private final String key;
    private final String secret;
    private final List<Published> published = new CopyOnWriteArrayList<>();
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> terminatedUsers = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile Duration delay = Duration.ZERO;
    private volatile int requests;
    private HttpServer server;
    private final int port;

    public PusherRestStandIn() throws IOException {
        this(APP_ID, KEY, SECRET);
    }

    public PusherRestStandIn(String appId, String key, String secret) throws IOException {
        this.appId = appId;
        this.key = key;
        this.secret = secret;
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        port = server.getAddress().getPort();
        start();
    }

    private void start() {
        server.createContext("/", this::handle);
        server.setExecutor(executor);
        server.start();
    }

    public int port() {
        return port;
    }

    /** Every event accepted so far, in arrival order. */
    public List<Published> published() {
        return List.copyOf(published);
    }

    /** User ids whose connections were terminated, in order. */
    public List<String> terminatedUsers() {
        return List.copyOf(terminatedUsers);
    }

    /** Why each refused request was refused, in order. */
    public List<String> refusals() {
        return List.copyOf(refusals);
    }

    /** HTTP requests received, refused ones included. */
    public int requests() {
        return requests;
    }

    /** The next request (after its checks pass) gets this answer instead of {@code 200 {}}. */
    public void answerNext(int status, String body) {
        scripted.add(new Answer(status, body));
    }

    /** Every answer waits this long first. */
    public void delayAnswers(Duration by) {
        delay = by;
    }

    /** Stops listening: connections to {@link #port()} are refused. */
    public void refuseConnections() {
        server.stop(0);
    }

    /** Forgets what was received and scripted. */
    public void reset() {
        published.clear();
        refusals.clear();
        terminatedUsers.clear();
        scripted.clear();
        delay = Duration.ZERO;
        requests = 0;
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            requests++;
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            pause();
            Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body);
            if (answer.status() != 200) {
                refusals.add(answer.status() + " " + answer.body());
            }
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() == 200 ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private void pause() {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Answer answer(String method, String path, String rawQuery, byte[] body) {
        Map<String, String> query = parseQuery(rawQuery);
        Answer refused = checkSignature(method, path, query, body, Instant.now());
        if (refused != null) {
            return refused;
        }
        String prefix = "/apps/" + appId;
        if (!path.startsWith(prefix + "/")) {
            return new Answer(404, "Unknown app");
        }
        String resource = path.substring(prefix.length());
        Answer scriptedAnswer = scripted.poll();
        if (scriptedAnswer != null) {
            return scriptedAnswer;
        }
        Matcher terminate = TERMINATE.matcher(resource);
        if (method.equals("POST") && terminate.matches()) {
            terminatedUsers.add(terminate.group(1));
            return new Answer(200, "{}");
        }
        return switch (method + " " + resource) {
            case "POST /events" -> events(body);
            case "POST /batch_events" -> batch(body);
            default -> new Answer(404, "Not found: " + method + " " + resource);
        };
    }

    /** Pusher's checks of auth_* parameters and the signature; {@code null} when they pass. */
    Answer checkSignature(String method, String path, Map<String, String> query, byte[] body, Instant now) {
        if (!key.equals(query.get("auth_key"))) {
            return new Answer(401, "Unknown auth_key");
        }
        if (!"1.0".equals(query.get("auth_version"))) {
            return new Answer(401, "Invalid auth_version");
        }
        long timestamp;
        try {
            timestamp = Long.parseLong(query.getOrDefault("auth_timestamp", ""));
        } catch (NumberFormatException e) {
            return new Answer(401, "Missing or invalid auth_timestamp");
        }
        if (Math.abs(now.getEpochSecond() - timestamp) >= 600) {
            return new Answer(401, "Timestamp expired: Given timestamp (" + timestamp + ") not within 600s of server time");
        }
        if (body.length > 0 && !md5Hex(body).equals(query.get("body_md5"))) {
            return new Answer(401, "Invalid body_md5");
        }
        String expected = signature(method, path, query);
        if (!Hmac.constantTimeEquals(expected, query.getOrDefault("auth_signature", ""))) {
            return new Answer(401, "Invalid signature: you should have sent HmacSHA256Hex(\"" + method + "\\n" + path
                    + "\\n" + sortedQuery(query) + "\", your_secret_key)");
        }
        return null;
    }

    /** {@code METHOD\nPATH\nsorted query} signed with the secret, as Pusher's signature gem computes it. */
    String signature(String method, String path, Map<String, String> query) {
        return Hmac.sha256Hex(secret, method.toUpperCase() + "\n" + path + "\n" + sortedQuery(query));
    }

    static String sortedQuery(Map<String, String> query) {
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("auth_signature")) {
                sorted.put(k.toLowerCase(), v);
            }
        });
        StringBuilder text = new StringBuilder();
        sorted.forEach((k, v) -> text.append(text.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return text.toString();
    }

    private Answer events(byte[] body) {
        JsonObject event;
        try {
            event = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject();
        } catch (RuntimeException e) {
            return new Answer(400, "Body is not a JSON object");
        }
        List<String> channels = new ArrayList<>();
        if (event.has("channels") && event.get("channels").isJsonArray()) {
            for (JsonElement channel : event.getAsJsonArray("channels")) {
                channels.add(channel.getAsString());
            }
        } else if (event.has("channel")) {
            channels.add(event.get("channel").getAsString());
        }
        if (channels.isEmpty() || channels.size() > 100) {
            return new Answer(400, "Expected 1 to 100 channels, got " + channels.size());
        }
        return accept(event, channels);
    }

    private Answer batch(byte[] body) {
        JsonArray batch;
        try {
            batch = JsonParser.parseString(new String(body, StandardCharsets.UTF_8)).getAsJsonObject().getAsJsonArray("batch");
        } catch (RuntimeException e) {
            return new Answer(400, "Body is not a JSON object with a batch array");
        }
        if (batch == null || batch.size() == 0 || batch.size() > 10) {
            return new Answer(400, "Batch must hold 1 to 10 events");
        }
        for (JsonElement item : batch) {
            JsonObject event = item.getAsJsonObject();
            Answer refused = validate(event, List.of(event.has("channel") ? event.get("channel").getAsString() : ""));
            if (refused != null) {
                return refused;
            }
        }
        for (JsonElement item : batch) {
            JsonObject event = item.getAsJsonObject();
            record(event, List.of(event.get("channel").getAsString()));
        }
        return new Answer(200, "{}");
    }

    private Answer accept(JsonObject event, List<String> channels) {
        Answer refused = validate(event, channels);
        if (refused != null) {
            return refused;
        }
        record(event, channels);
        return new Answer(200, "{}");
    }

    private static Answer validate(JsonObject event, List<String> channels) {
        for (String channel : channels) {
            if (!CHANNEL.matcher(channel).matches()) {
                return new Answer(400, "Invalid channel name '" + channel + "'");
            }
        }
        if (!event.has("name") || !event.get("name").isJsonPrimitive() || event.get("name").getAsString().length() > 200) {
            return new Answer(400, "Event name missing or over 200 characters");
        }
        if (!event.has("data") || !event.get("data").isJsonPrimitive() || !event.get("data").getAsJsonPrimitive().isString()) {
            return new Answer(400, "Event data must be a string");
        }
        if (event.get("data").getAsString().getBytes(StandardCharsets.UTF_8).length > MAX_DATA_BYTES) {
            return new Answer(413, "Event data is over 10KB");
        }
        if (event.has("socket_id") && !SOCKET_ID.matcher(event.get("socket_id").getAsString()).matches()) {
            return new Answer(400, "Invalid socket_id");
        }
        return null;
    }

    private void record(JsonObject event, List<String> channels) {
        published.add(new Published(List.copyOf(channels), event.get("name").getAsString(),
                event.get("data").getAsString(), event.has("socket_id") ? event.get("socket_id").getAsString() : null));
    }

    static Map<String, String> parseQuery(String rawQuery) {
        Map<String, String> query = new TreeMap<>();
        if (rawQuery == null || rawQuery.isEmpty()) {
            return query;
        }
        for (String pair : rawQuery.split("&")) {
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            query.put(URLDecoder.decode(name, StandardCharsets.UTF_8), URLDecoder.decode(value, StandardCharsets.UTF_8));
        }
        return query;
    }

    static String md5Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
