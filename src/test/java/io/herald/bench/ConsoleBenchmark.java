package io.herald.bench;

import io.herald.Broadcaster;
import io.herald.testing.HeraldServer;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.WebSocket;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What Herald's console costs fan-out, in one run: one event to 1,000 WebSocket connections on a server without the
 * console (the baseline), with the console enabled but no page open (which should cost nothing), and with a console
 * page subscribed to its live feed (every broadcast recorded and published to it). Not a test: run it with
 * {@code mvn -Pbench,console verify} (see CONTRIBUTING.md).
 */
public final class ConsoleBenchmark {
    private static final Pattern SOCKET_ID = Pattern.compile("\\\\\"socket_id\\\\\":\\\\\"([0-9.]+)\\\\\"");

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int clients = 1_000;
        // A first pass warms this JVM up; the second, in the same order, is the one reported.
        for (int pass = 1; pass <= 2; pass++) {
            FanOutBenchmark.Result without = run(false, false, clients, rounds);
            FanOutBenchmark.Result closed = run(true, false, clients, rounds);
            FanOutBenchmark.Result open = run(true, true, clients, rounds);
            if (pass == 2) {
                report(without, closed, open);
            }
        }
        System.exit(0);
    }

    private static void report(FanOutBenchmark.Result without, FanOutBenchmark.Result closed,
            FanOutBenchmark.Result open) {
        System.out.printf("%-16s %10s %10s %10s%n", "console", "p50 ms", "p99 ms", "last ms");
        print("not enabled", without, without);
        print("enabled, closed", closed, without);
        print("open (live)", open, without);
    }

    private static void print(String name, FanOutBenchmark.Result result, FanOutBenchmark.Result baseline) {
        System.out.printf("%-16s %10.2f %10.2f %10.2f   ratio p50 %.2f, p99 %.2f, last %.2f%n", name, result.p50(),
                result.p99(), result.last(), result.p50() / baseline.p50(), result.p99() / baseline.p99(),
                result.last() / baseline.last());
    }

    private static FanOutBenchmark.Result run(boolean enabled, boolean open, int clients, int rounds) throws Exception {
        Map<String, String> config = new HashMap<>(FanOutBenchmark.localConfig());
        config.put("broadcast.console.enabled", String.valueOf(enabled));
        try (HeraldServer server = HeraldServer.atRoot(config, RawBroadcastEndpoint.class)) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();
            AtomicLong entries = new AtomicLong();
            WebSocket console = open ? openConsole(server, broadcaster, entries) : null;
            FanOutBenchmark.Result result = FanOutBenchmark.measure(server, "ws://127.0.0.1:" + server.port()
                    + "/app/" + FanOutBenchmark.KEY, clients, true, rounds,
                    seq -> broadcaster.channel("fanout", "Tick", "{\"seq\":" + seq + "}"));
            if (console != null) {
                if (entries.get() == 0) {
                    throw new IllegalStateException("The console page received no entries: it was not open");
                }
                console.abort();
            }
            return result;
        }
    }

    // A console page as the browser's is: connect, have the console sign its channel, subscribe, count entries.
    private static WebSocket openConsole(HeraldServer server, Broadcaster broadcaster, AtomicLong entries)
            throws Exception {
        HttpClient http = HttpClient.newHttpClient();
        CompletableFuture<String> socketId = new CompletableFuture<>();
        CountDownLatch subscribed = new CountDownLatch(1);
        CountDownLatch firstEntry = new CountDownLatch(1);
        WebSocket socket = http.newWebSocketBuilder().buildAsync(server.webSocket(FanOutBenchmark.KEY),
                new WebSocket.Listener() {
                    private final StringBuilder frame = new StringBuilder();

                    @Override
                    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
                        frame.append(data);
                        if (last) {
                            String text = frame.toString();
                            frame.setLength(0);
                            Matcher id = SOCKET_ID.matcher(text);
                            if (id.find()) {
                                socketId.complete(id.group(1));
                            } else if (text.contains("subscription_succeeded")) {
                                subscribed.countDown();
                            } else if (text.contains("\"event\":\"entry\"")) {
                                entries.incrementAndGet();
                                firstEntry.countDown();
                            }
                        }
                        webSocket.request(1);
                        return null;
                    }
                }).get(10, TimeUnit.SECONDS);
        String form = "socket_id=" + socketId.get(10, TimeUnit.SECONDS) + "&channel_name=private-herald-console";
        HttpResponse<String> auth = http.send(HttpRequest.newBuilder(server.uri("broadcasting/console/auth"))
                .header("X-Test-User", "bench").header("X-Test-Roles", "admin")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build(), HttpResponse.BodyHandlers.ofString());
        if (auth.statusCode() != 200) {
            throw new IllegalStateException("The console refused to sign its channel: " + auth.statusCode());
        }
        String signature = auth.body().replaceAll(".*\"auth\":\"([^\"]+)\".*", "$1");
        socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"private-herald-console\",\"auth\":\""
                + signature + "\"}}", true).get(10, TimeUnit.SECONDS);
        if (!subscribed.await(10, TimeUnit.SECONDS)) {
            throw new IllegalStateException("The console's channel was not subscribed");
        }
        // The feed asks whether a console listens at most once a second: broadcast until the page hears of one.
        for (int tries = 0; !firstEntry.await(200, TimeUnit.MILLISECONDS); tries++) {
            if (tries == 50) {
                throw new IllegalStateException("The console heard of no broadcast within 10 s");
            }
            broadcaster.channel("warm-up", "WarmUp", "{}");
        }
        entries.set(0);
        return socket;
    }

    private ConsoleBenchmark() {
    }
}
