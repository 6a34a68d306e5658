package io.herald.bench;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The benchmark's clients, in a process of their own (one process may hold 20,000 file descriptors here, and 10,000
 * connections need 10,000 on each side): N WebSockets (the JDK's client), each subscribed to {@code fanout}. For each
 * event {@code {"seq":n}} it prints when the first and the last of the N copies arrived ({@link System#nanoTime},
 * which on Linux is one monotonic clock for every process) and the median and 99th-percentile arrival.
 *
 * <p>Arguments: {@code ws-url n subscribe(true|false) [all]}. Prints {@code READY} once every socket is subscribed,
 * then one {@code ROUND seq p50 p99 last} line per event (with {@code all}: {@code ROUND seq t1,t2,...}, every
 * arrival, for a benchmark that merges fleets); exits when its standard input closes.
 */
public final class ClientFleet {
    private final int size;
    private final boolean everyArrival;
    private final ConcurrentHashMap<Integer, long[]> arrivals = new ConcurrentHashMap<>();
    private final ConcurrentHashMap<Integer, AtomicInteger> counts = new ConcurrentHashMap<>();

    private ClientFleet(int size, boolean everyArrival) {
        this.size = size;
        this.everyArrival = everyArrival;
    }

    public static void main(String[] args) throws Exception {
        URI uri = URI.create(args[0]);
        int size = Integer.parseInt(args[1]);
        boolean subscribe = Boolean.parseBoolean(args[2]);
        new ClientFleet(size, args.length > 3 && args[3].equals("all")).run(uri, subscribe);
    }

    private void run(URI uri, boolean subscribe) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
        CountDownLatch ready = new CountDownLatch(size);
        List<WebSocket> sockets = new ArrayList<>();
        int batch = 200;
        for (int from = 0; from < size; from += batch) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (int i = from; i < Math.min(size, from + batch); i++) {
                opening.add(http.newWebSocketBuilder().buildAsync(uri, new Listener(ready, subscribe)));
            }
            for (CompletableFuture<WebSocket> socket : opening) {
                sockets.add(socket.get(60, TimeUnit.SECONDS));
            }
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException("Only " + (size - ready.getCount()) + " of " + size + " subscribed");
        }
        System.out.println("READY " + sockets.size());
        System.out.flush();
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).lines().count();
        sockets.forEach(WebSocket::abort);
        System.exit(0);
    }

    private void arrived(int seq, long at) {
        long[] times = arrivals.computeIfAbsent(seq, s -> new long[size]);
        int index = counts.computeIfAbsent(seq, s -> new AtomicInteger()).getAndIncrement();
        times[index] = at;
        if (index == size - 1) {
            long[] sorted = times.clone();
            Arrays.sort(sorted);
            if (everyArrival) {
                System.out.println("ROUND " + seq + " " + Arrays.stream(sorted).mapToObj(Long::toString)
                        .collect(java.util.stream.Collectors.joining(",")));
            } else {
                System.out.println("ROUND " + seq + " " + sorted[size / 2] + " " + sorted[(int) (size * 0.99) - 1]
                        + " " + sorted[size - 1]);
            }
            System.out.flush();
            arrivals.remove(seq);
        }
    }

    private final class Listener implements WebSocket.Listener {
        private final CountDownLatch ready;
        private final boolean subscribe;
        private final StringBuilder partial = new StringBuilder();
        private boolean counted;

        Listener(CountDownLatch ready, boolean subscribe) {
            this.ready = ready;
            this.subscribe = subscribe;
        }

        @Override
        public void onOpen(WebSocket socket) {
            if (subscribe) {
                socket.sendText("{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"fanout\"}}", true);
            } else {
                counted = true;
                ready.countDown();
            }
            socket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket socket, CharSequence data, boolean last) {
            long at = System.nanoTime();
            partial.append(data);
            if (last) {
                String text = partial.toString();
                partial.setLength(0);
                if (text.contains("subscription_succeeded") && !counted) {
                    counted = true;
                    ready.countDown();
                } else if (text.contains("seq")) {
                    JsonObject frame = JsonParser.parseString(text).getAsJsonObject();
                    String payload = frame.get("data").getAsString();
                    arrived(JsonParser.parseString(payload).getAsJsonObject().get("seq").getAsInt(), at);
                }
            }
            socket.request(1);
            return null;
        }
    }
}
