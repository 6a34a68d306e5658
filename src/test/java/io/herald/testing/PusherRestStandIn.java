package io.herald.testing;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.herald.internal.local.RestEvents;
import io.herald.internal.signing.RequestVerifier;
import io.herald.spi.OutboundEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Queue;
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

    private static final Pattern TERMINATE = Pattern.compile("/users/([-a-zA-Z0-9_=@,.;]+)/terminate_connections");

    /** One event Pusher accepted; an event to several channels is one {@code Published}. */
    public record Published(List<String> channels, String name, String data, String socketId) {
        public String channel() {
            return channels.get(0);
        }
    }

    /** A scripted answer, sent after {@code delay}, with extra headers. */
    public record Answer(int status, String body, Map<String, String> headers, Duration delay) {
        public Answer(int status, String body) {
            this(status, body, Map.of(), Duration.ZERO);
        }
    }

    private final String appId;
    private final RequestVerifier verifier;
    private final List<Published> published = java.util.Collections.synchronizedList(new java.util.ArrayList<>());
    private final List<String> refusals = new CopyOnWriteArrayList<>();
    private final List<String> terminatedUsers = new CopyOnWriteArrayList<>();
    private final Queue<Answer> scripted = new ConcurrentLinkedQueue<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private volatile int generation;
    private volatile Duration delay = Duration.ZERO;
    private volatile java.util.concurrent.CountDownLatch gate = new java.util.concurrent.CountDownLatch(0);
    private final java.util.concurrent.atomic.AtomicInteger requests = new java.util.concurrent.atomic.AtomicInteger();
    private HttpServer server;
    private final int port;

    public PusherRestStandIn() throws IOException {
        this(APP_ID, KEY, SECRET);
    }

    public PusherRestStandIn(String appId, String key, String secret) throws IOException {
        this.appId = appId;
        this.verifier = new RequestVerifier(key, secret);
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

    /** The settings of a {@code pusher} connection named {@code connection} that sends to this stand-in. */
    public Map<String, String> settingsFor(String connection) {
        Map<String, String> settings = new LinkedHashMap<>();
        String prefix = "broadcast." + connection + ".";
        settings.put(prefix + "driver", "pusher");
        settings.put(prefix + "app-id", APP_ID);
        settings.put(prefix + "client", KEY);
        settings.put(prefix + "secret", SECRET);
        settings.put(prefix + "host", "127.0.0.1");
        settings.put(prefix + "port", String.valueOf(port));
        settings.put(prefix + "ssl", "false");
        return settings;
    }

    /** Every event accepted so far, in arrival order. */
    public List<Published> published() {
        synchronized (published) {
            return List.copyOf(published);
        }
    }

    /** How many events were accepted so far. */
    public int publishedCount() {
        return published.size();
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
        return requests.get();
    }

    /** The next request (after its checks pass) gets this answer instead of {@code 200 {}}. */
    public void answerNext(int status, String body) {
        scripted.add(new Answer(status, body));
    }

    /** The next request gets this answer with these headers (e.g. {@code Retry-After}). */
    public void answerNext(int status, String body, Map<String, String> headers) {
        scripted.add(new Answer(status, body, headers, Duration.ZERO));
    }

    /** The next request is accepted as usual, but answered only after {@code delay}. */
    public void acceptNextAfter(Duration delay) {
        scripted.add(new Answer(200, "{}", Map.of(), delay));
    }

    /** Requests arriving from now on wait, unanswered and unrecorded, until {@link #answerHeldRequests()}. */
    public void holdRequests() {
        gate = new java.util.concurrent.CountDownLatch(1);
    }

    /** Lets the held requests, and those to come, be answered. */
    public void answerHeldRequests() {
        gate.countDown();
    }

    /** Every answer waits this long first. */
    public void delayAnswers(Duration by) {
        delay = by;
    }

    /** Stops listening: connections to {@link #port()} are refused. */
    public void refuseConnections() {
        server.stop(0);
    }

    /** Listens again on the same port, after {@link #refuseConnections()}: the service is back. */
    public void acceptConnections() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 50);
        start();
    }

    /** Forgets what was received and scripted. */
    public void reset() {
        generation++;
        published.clear();
        refusals.clear();
        terminatedUsers.clear();
        scripted.clear();
        delay = Duration.ZERO;
        gate.countDown();
        requests.set(0);
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            int arrivedIn = generation;
            requests.incrementAndGet();
            byte[] body;
            try (InputStream in = exchange.getRequestBody()) {
                body = in.readAllBytes();
            }
            try {
                gate.await();
            } catch (InterruptedException stopping) {
                Thread.currentThread().interrupt();
                return;
            }
            pause(delay);
            if (arrivedIn != generation) {
                return;   // a late request of an earlier test: it must not count in this one
            }
            Answer answer = answer(exchange.getRequestMethod(), exchange.getRequestURI().getPath(),
                    exchange.getRequestURI().getRawQuery(), body);
            pause(answer.delay());
            if (answer.status() != 200) {
                refusals.add(answer.status() + " " + answer.body());
            }
            answer.headers().forEach((name, value) -> exchange.getResponseHeaders().set(name, value));
            byte[] bytes = answer.body().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", answer.status() == 200 ? "application/json" : "text/plain");
            exchange.sendResponseHeaders(answer.status(), bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    private static void pause(Duration delay) {
        if (!delay.isZero()) {
            try {
                Thread.sleep(delay.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    Answer answer(String method, String path, String rawQuery, byte[] body) {
        RequestVerifier.Query query;
        try {
            query = RequestVerifier.parseQuery(rawQuery);
        } catch (io.herald.internal.protocol.FormBody.Malformed e) {
            return new Answer(400, e.getMessage());
        }
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
        if (scriptedAnswer != null && scriptedAnswer.status() != 200) {
            return scriptedAnswer;
        }
        Duration extra = scriptedAnswer == null ? Duration.ZERO : scriptedAnswer.delay();
        Matcher terminate = TERMINATE.matcher(resource);
        if (method.equals("POST") && terminate.matches()) {
            terminatedUsers.add(terminate.group(1));
            return new Answer(200, "{}");
        }
        Answer answer = switch (method + " " + resource) {
            case "POST /events" -> events(body);
            case "POST /batch_events" -> batch(body);
            default -> new Answer(404, "Not found: " + method + " " + resource);
        };
        return new Answer(answer.status(), answer.body(), answer.headers(), extra);
    }

    /** Pusher's checks of auth_* parameters and the signature; {@code null} when they pass. */
    Answer checkSignature(String method, String path, RequestVerifier.Query query, byte[] body, Instant now) {
        return verifier.refusal(method, path, query, body, now).map(why -> new Answer(401, why)).orElse(null);
    }

    private Answer events(byte[] body) {
        try {
            published.add(published(RestEvents.event(body)));
        } catch (RestEvents.Refused refused) {
            return new Answer(refused.status(), refused.getMessage());
        }
        return new Answer(200, "{}");
    }

    private Answer batch(byte[] body) {
        try {
            RestEvents.batch(body).forEach(event -> published.add(published(event)));
        } catch (RestEvents.Refused refused) {
            return new Answer(refused.status(), refused.getMessage());
        }
        return new Answer(200, "{}");
    }

    private static Published published(OutboundEvent event) {
        return new Published(event.channels(), event.name(), event.data(), event.socketId());
    }

}
