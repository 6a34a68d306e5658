package io.herald.bench;

import io.herald.Broadcaster;
import io.herald.testing.HeraldServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongConsumer;

/**
 * One event fanned out to 1,000 and to 10,000 WebSocket connections on loopback: the time from {@code
 * Broadcaster.channel(...)} to the median, 99th-percentile and last delivery, and the server's live heap per
 * connection ({@link LiveHeap}); with, as the baseline in the same run, a plain Jakarta WebSocket endpoint writing the same frame to the same
 * number of sessions. Clients run in a separate process ({@link ClientFleet}). Not a test: run it with
 * {@code mvn -Pbench verify} (see CONTRIBUTING.md).
 */
public final class FanOutBenchmark {
    static final String KEY = "bench-key";

    public static void main(String[] args) throws Exception {
        int rounds = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        try (HeraldServer server = HeraldServer.atRoot(localConfig(), RawBroadcastEndpoint.class)) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();
            System.out.printf("%-8s %-9s %10s %10s %10s %12s%n", "clients", "server", "p50 ms", "p99 ms", "last ms",
                    "heap/conn");
            for (int clients : new int[] {1_000, 10_000}) {
                Result herald = measure(server, "ws://127.0.0.1:" + server.port() + "/app/" + KEY, clients, true, rounds,
                        seq -> broadcaster.channel("fanout", "Tick", "{\"seq\":" + seq + "}"));
                Result raw = measure(server, "ws://127.0.0.1:" + server.port() + "/raw", clients, false, rounds,
                        seq -> RawBroadcastEndpoint.broadcast(
                                "{\"event\":\"Tick\",\"channel\":\"fanout\",\"data\":\"{\\\"seq\\\":" + seq + "}\"}"));
                herald.print(clients, "herald");
                raw.print(clients, "raw");
                System.out.printf("%-8d %-9s %10.2f %10.2f %10.2f%n", clients, "ratio", herald.p50 / raw.p50,
                        herald.p99 / raw.p99, herald.last / raw.last);
            }
        }
        System.exit(0);
    }

    /** A {@code local} connection with the key {@value #KEY}, and the plain endpoint beside it. */
    static Map<String, String> localConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("broadcast.default", "local");
        config.put("broadcast.local.driver", "local");
        config.put("broadcast.local.app-id", "1");
        config.put("broadcast.local.key", KEY);
        config.put("broadcast.local.secret", "bench-secret");
        return config;
    }

    record Result(double p50, double p99, double last, long heapPerConnection) {
        void print(int clients, String name) {
            System.out.printf("%-8d %-9s %10.2f %10.2f %10.2f %10d B%n", clients, name, p50, p99, last, heapPerConnection);
        }
    }

    static Result measure(HeraldServer server, String url, int clients, boolean subscribe, int rounds,
            LongConsumer fire) throws Exception {
        long heapBefore = LiveHeap.settled();
        Process fleet = new ProcessBuilder(javaExecutable(), "-Xmx2g", "-cp", System.getProperty("java.class.path"),
                ClientFleet.class.getName(), url, String.valueOf(clients), String.valueOf(subscribe))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8));
        String ready = lines.readLine();
        if (ready == null || !ready.startsWith("READY")) {
            throw new IllegalStateException("Client fleet failed: " + ready);
        }
        long heapPerConnection = (LiveHeap.bytes() - heapBefore) / clients;
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        int warmup = 5;
        for (int seq = 0; seq < warmup + rounds; seq++) {
            long start = System.nanoTime();
            fire.accept(seq);
            String[] round = lines.readLine().split(" ");
            if (seq >= warmup) {
                p50.add((Long.parseLong(round[2]) - start) / 1e6);
                p99.add((Long.parseLong(round[3]) - start) / 1e6);
                last.add((Long.parseLong(round[4]) - start) / 1e6);
            }
        }
        try (OutputStream in = fleet.getOutputStream()) {
            in.write('\n');
        }
        fleet.waitFor();
        Thread.sleep(500);
        return new Result(median(p50), median(p99), median(last), heapPerConnection);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }

    private static String javaExecutable() {
        return System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    }
}
