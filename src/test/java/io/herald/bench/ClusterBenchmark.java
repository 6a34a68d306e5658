package io.herald.bench;

import io.herald.testing.RedisProcess;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * One event published on instance A of a two-instance cluster (one private redis-server), subscribers split evenly
 * between A and B, against one instance holding all of them, in the same run: the time from the request that makes
 * the application call {@code Broadcaster.channel(...)} to the median, 99th-percentile and last delivery, for 1,000
 * and 10,000 subscribers. Each instance is a JVM of its own ({@code ClusterNode}), as in production.
 * Three runs, each printed, then the spread of the ratios. Run with
 * {@code mvn -Pbench verify -Dbench.class=io.herald.bench.ClusterBenchmark}.
 */
public final class ClusterBenchmark {
    private static final String KEY = "herald-local-key";
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final int WARMUP = 5;
    private static final int ROUNDS = 30;

    public static void main(String[] args) throws Exception {
        int runs = args.length > 0 ? Integer.parseInt(args[0]) : 3;
        Map<Integer, List<double[]>> ratios = new HashMap<>();
        List<Instance> instances = new ArrayList<>();
        try (RedisProcess redis = RedisProcess.start()) {
            Instance single = Instance.start("max-connections=50000");
            Instance a = Instance.start("max-connections=50000", "scaling=redis", "redis.url=" + redis.url());
            Instance b = Instance.start("max-connections=50000", "scaling=redis", "redis.url=" + redis.url());
            instances.addAll(List.of(single, a, b));
            System.out.printf("%-4s %-8s %-10s %10s %10s %10s%n", "run", "clients", "setup", "p50 ms", "p99 ms",
                    "last ms");
            for (int run = 1; run <= runs; run++) {
                for (int clients : new int[] {1_000, 10_000}) {
                    double[] one = measure(List.of(single), clients, single);
                    double[] two = measure(List.of(a, b), clients, a);
                    double[] ratio = {two[0] / one[0], two[1] / one[1], two[2] / one[2]};
                    ratios.computeIfAbsent(clients, key -> new ArrayList<>()).add(ratio);
                    print(run, clients, "1 instance", one);
                    print(run, clients, "2 (A+B)", two);
                    print(run, clients, "ratio", ratio);
                }
            }
            for (Instance instance : instances) {
                instance.stop();
            }
        }
        System.out.println();
        ratios.forEach((clients, each) -> System.out.printf("%,d clients, 2 instances / 1, over %d runs: p50 %s, "
                + "p99 %s, last %s%n", clients, each.size(), spread(each, 0), spread(each, 1), spread(each, 2)));
        System.exit(0);
    }

    /** An application instance in its own JVM ({@code ClusterNode}), as a load balancer would have behind it. */
    private record Instance(Process process, int port) {
        static Instance start(String... settings) throws Exception {
            int port;
            try (ServerSocket socket = new ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            List<String> command = new ArrayList<>(List.of(System.getProperty("java.home") + "/bin/java", "-Xmx2g",
                    "-Djava.util.logging.config.file=src/test/resources/logging.properties", "-cp",
                    System.getProperty("java.class.path"), "io.herald.local.ClusterNode", Integer.toString(port)));
            for (String setting : settings) {
                command.add("broadcast.local." + setting);
            }
            Process process = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8));
            String line;
            while ((line = lines.readLine()) != null && !line.equals("HERALD-NODE-READY")) {
                // its start-up log
            }
            if (line == null) {
                throw new IllegalStateException("An instance did not start");
            }
            return new Instance(process, port);
        }

        // Closing its input stops it as NodeProcess does; Redis stays up until the instances have left.
        void stop() throws Exception {
            process.getOutputStream().close();
            process.waitFor();
        }

        void tick(long seq) throws Exception {
            HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + port + "/test/tick/" + seq))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (answer.statusCode() != 204) {
                throw new IllegalStateException("tick answered " + answer.statusCode() + ": " + answer.body());
            }
        }
    }

    // Subscribers split evenly over the instances, the event published on the first; the median of each figure over
    // the rounds, timed from just before the request that publishes it.
    private static double[] measure(List<Instance> instances, int clients, Instance publisher) throws Exception {
        List<Process> fleets = new ArrayList<>();
        List<BufferedReader> outputs = new ArrayList<>();
        for (Instance instance : instances) {
            Process fleet = new ProcessBuilder(System.getProperty("java.home") + "/bin/java", "-Xmx2g", "-cp",
                    System.getProperty("java.class.path"), ClientFleet.class.getName(),
                    "ws://127.0.0.1:" + instance.port() + "/app/" + KEY, String.valueOf(clients / instances.size()),
                    "true", "all").redirectError(ProcessBuilder.Redirect.INHERIT).start();
            BufferedReader lines = new BufferedReader(new InputStreamReader(fleet.getInputStream(),
                    StandardCharsets.UTF_8));
            String ready = lines.readLine();
            if (ready == null || !ready.startsWith("READY")) {
                throw new IllegalStateException("Client fleet failed: " + ready);
            }
            fleets.add(fleet);
            outputs.add(lines);
        }
        List<Double> p50 = new ArrayList<>();
        List<Double> p99 = new ArrayList<>();
        List<Double> last = new ArrayList<>();
        for (int seq = 0; seq < WARMUP + ROUNDS; seq++) {
            long start = System.nanoTime();
            publisher.tick(seq);
            List<Long> arrivals = new ArrayList<>(clients);
            for (BufferedReader lines : outputs) {
                String times = lines.readLine().split(" ")[2];
                Arrays.stream(times.split(",")).map(Long::parseLong).forEach(arrivals::add);
            }
            Collections.sort(arrivals);
            if (seq >= WARMUP) {
                p50.add((arrivals.get(arrivals.size() / 2) - start) / 1e6);
                p99.add((arrivals.get((int) (arrivals.size() * 0.99) - 1) - start) / 1e6);
                last.add((arrivals.get(arrivals.size() - 1) - start) / 1e6);
            }
        }
        for (Process fleet : fleets) {
            try (OutputStream in = fleet.getOutputStream()) {
                in.write('\n');
            }
            fleet.waitFor();
        }
        Thread.sleep(1_000);
        return new double[] {median(p50), median(p99), median(last)};
    }

    private static void print(int run, int clients, String setup, double[] figures) {
        System.out.printf("%-4d %-8d %-10s %10.2f %10.2f %10.2f%n", run, clients, setup, figures[0], figures[1],
                figures[2]);
    }

    private static String spread(List<double[]> ratios, int figure) {
        double min = ratios.stream().mapToDouble(r -> r[figure]).min().orElse(0);
        double max = ratios.stream().mapToDouble(r -> r[figure]).max().orElse(0);
        return String.format("%.2f-%.2fx", min, max);
    }

    private static double median(List<Double> values) {
        List<Double> sorted = new ArrayList<>(values);
        Collections.sort(sorted);
        return sorted.get(sorted.size() / 2);
    }
}
