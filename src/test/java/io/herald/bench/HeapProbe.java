package io.herald.bench;

import io.herald.testing.HeraldServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What an idle connection costs in the server's heap, class by class: a class histogram of live objects
 * ({@code jcmd GC.class_histogram}) before and after N clients connect, for Herald's {@code local} server (each
 * client subscribed to one channel) and for the plain Jakarta WebSocket endpoint of {@link FanOutBenchmark}.
 * Also prints the resident memory (RSS) grown per connection. Run with {@code mvn -Pbench verify
 * -Dbench.class=io.herald.bench.HeapProbe}; arguments {@code clients runs} (issue 22 ran {@code 19000 2}: as many
 * connections as the 20,000 descriptors one process may hold here allow).
 */
public final class HeapProbe {

    public static void main(String[] args) throws Exception {
        int clients = args.length > 0 ? Integer.parseInt(args[0]) : 5_000;
        int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
        List<Map<String, long[]>> growths = new ArrayList<>();
        List<Long> herald = new ArrayList<>();
        List<Long> raw = new ArrayList<>();
        List<Long> heraldRss = new ArrayList<>();
        List<Long> rawRss = new ArrayList<>();
        try (HeraldServer server = HeraldServer.atRoot(FanOutBenchmark.localConfig(), RawBroadcastEndpoint.class)) {
            for (int run = 0; run < runs; run++) {
                Growth heraldRun = growth(server, "/app/" + FanOutBenchmark.KEY, true, clients);
                Growth rawRun = growth(server, "/raw", false, clients);
                Map<String, long[]> heraldGrowth = heraldRun.classes();
                Map<String, long[]> rawGrowth = rawRun.classes();
                herald.add(total(heraldGrowth) / clients);
                raw.add(total(rawGrowth) / clients);
                heraldRss.add(heraldRun.rssBytes() / clients);
                rawRss.add(rawRun.rssBytes() / clients);
                if (run == 0) {
                    print("herald: " + herald.get(0) + " bytes per connection", clients, heraldGrowth);
                    print("raw: " + raw.get(0) + " bytes per connection", clients, rawGrowth);
                    growths.add(heraldGrowth);
                    growths.add(rawGrowth);
                }
            }
        }
        Map<String, long[]> difference = new HashMap<>();
        growths.get(0).forEach((name, grew) -> difference.put(name, grew.clone()));
        growths.get(1).forEach((name, grew) -> {
            long[] entry = difference.computeIfAbsent(name, key -> new long[2]);
            entry[0] -= grew[0];
            entry[1] -= grew[1];
        });
        print("herald minus raw", clients, difference);
        System.out.printf("%nbytes per idle connection, %d runs of %,d connections: herald %s (%,d-%,d), raw %s (%,d-%,d)%n",
                runs, clients, herald, min(herald), max(herald), raw, min(raw), max(raw));
        System.out.printf("resident memory (RSS) grown per connection while connected: herald %s, raw %s%n",
                heraldRss, rawRss);
        System.exit(0);
    }

    /** What the server's live objects grew by, class by class, and its resident memory. */
    private record Growth(Map<String, long[]> classes, long rssBytes) {
    }

    // What the server grew by while the clients are connected.
    private static Growth growth(HeraldServer server, String path, boolean subscribe, int clients)
            throws Exception {
        LiveHeap.settled();
        Map<String, long[]> before = LiveHeap.histogram();
        long rssBefore = rssBytes();
        Process fleet = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx2g", "-cp",
                System.getProperty("java.class.path"), ClientFleet.class.getName(),
                "ws://127.0.0.1:" + server.port() + path, String.valueOf(clients), String.valueOf(subscribe))
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        BufferedReader lines = new BufferedReader(new InputStreamReader(fleet.getInputStream(), StandardCharsets.UTF_8));
        String ready = lines.readLine();
        if (ready == null || !ready.startsWith("READY")) {
            throw new IllegalStateException("Client fleet failed: " + ready);
        }
        Map<String, long[]> after = LiveHeap.histogram();
        long rssAfter = rssBytes();
        try (OutputStream in = fleet.getOutputStream()) {
            in.write('\n');
        }
        fleet.waitFor();
        Map<String, long[]> growth = new HashMap<>();
        after.forEach((name, now) -> {
            long[] was = before.getOrDefault(name, new long[2]);
            growth.put(name, new long[] {now[0] - was[0], now[1] - was[1]});
        });
        return new Growth(growth, rssAfter - rssBefore);
    }

    // This process's resident set (Linux), in bytes.
    private static long rssBytes() throws java.io.IOException {
        return java.nio.file.Files.readAllLines(java.nio.file.Path.of("/proc/self/status")).stream()
                .filter(line -> line.startsWith("VmRSS:"))
                .mapToLong(line -> Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024).findFirst().orElse(0);
    }

    private static long total(Map<String, long[]> growth) {
        return growth.values().stream().mapToLong(entry -> entry[1]).sum();
    }

    private static long min(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).min().orElse(0);
    }

    private static long max(List<Long> values) {
        return values.stream().mapToLong(Long::longValue).max().orElse(0);
    }


    private static void print(String title, int clients, Map<String, long[]> growth) {
        System.out.printf("%n%s (%,d connections); the classes that grew most, per connection:%n", title, clients);
        growth.entrySet().stream()
                .filter(entry -> entry.getValue()[1] > 0)
                .sorted((a, b) -> Long.compare(b.getValue()[1], a.getValue()[1]))
                .limit(20)
                .forEach(entry -> System.out.printf("  %8.1f B  %6.2f objects  %s%n",
                        entry.getValue()[1] / (double) clients, entry.getValue()[0] / (double) clients, entry.getKey()));
    }
}
