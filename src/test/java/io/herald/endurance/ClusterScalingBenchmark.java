package io.herald.endurance;

import io.herald.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run 6 of issue 22: how the cluster's cost grows with instances. For each count in {@code counts} (1, 2, 3, 6, 10),
 * the sustained workload at run 1's publish rate against a cluster on one Redis whose first {@code serving} (3)
 * instances hold every subscriber and take every publication, the others none: since every instance receives every
 * event from Redis, what an idle instance spends is the price of an instance that serves nobody on those channels.
 * Reads each instance's CPU time and Redis's traffic and CPU at the end of the warm-up and at the end, and prints per
 * count the CPU of a serving and of an idle instance (percent of one core), the idle instances' share of the
 * cluster's CPU, and what Redis sent per second. Not a test: {@code mvn -Pbench,cluster-scaling verify}.
 */
public final class ClusterScalingBenchmark {
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    /** Each instance's CPU time and Redis's counters, at one moment. */
    record Reading(long nanos, long[] instanceCpuNanos, double redisCpuSeconds, long redisOutBytes,
            long redisInBytes) {
    }

    /** One count's result, per second of the measured part. */
    record Row(int instances, int serving, double servingCpuPercent, double idleCpuPercent, double idleShare,
            double redisOutKbPerSecond, double redisInKbPerSecond, double redisCpuPercent, double deliveredPerSecond,
            double p95) {
    }

    public static void main(String[] args) throws Exception {
        Map<String, String> values = Workload.settings(args);
        int[] counts = Arrays.stream(values.getOrDefault("counts", "1,2,3,6,10").split(","))
                .mapToInt(Integer::parseInt).toArray();
        int serving = Integer.parseInt(values.getOrDefault("serving", "3"));
        values.remove("counts");
        values.remove("serving");
        Workload workload = Workload.DEFAULT.with(Map.of("warmup", "PT90S", "duration", "PT2M")).with(values);
        File directory = new File("target/endurance");
        directory.mkdirs();
        System.out.println("Workload: " + workload + ", serving instances: " + serving);
        List<Row> rows = new ArrayList<>();
        for (int count : counts) {
            rows.add(measure(count, Math.min(count, serving), workload, directory));
        }
        System.out.printf("%-9s %7s %12s %12s %10s %13s %12s %10s %9s %7s%n", "instances", "serving",
                "serving cpu%", "idle cpu%", "idle share", "redis out KB/s", "redis in KB/s", "redis cpu%",
                "deliv/s", "p95 ms");
        for (Row row : rows) {
            System.out.printf(Locale.ROOT, "%-9d %7d %12.1f %12s %10s %13.0f %12.0f %10.1f %9.0f %7.2f%n",
                    row.instances(), row.serving(), row.servingCpuPercent(),
                    Double.isNaN(row.idleCpuPercent()) ? "-" : String.format(Locale.ROOT, "%.1f", row.idleCpuPercent()),
                    Double.isNaN(row.idleShare()) ? "-" : String.format(Locale.ROOT, "%.1f %%", row.idleShare() * 100),
                    row.redisOutKbPerSecond(), row.redisInKbPerSecond(), row.redisCpuPercent(),
                    row.deliveredPerSecond(), row.p95());
        }
        System.exit(0);
    }

    private static Row measure(int count, int serving, Workload workload, File directory) throws Exception {
        try (RedisProcess redis = RedisProcess.start();
                Instances instances = Instances.start(count, List.of("broadcast.local.scaling=redis",
                        "broadcast.local.redis.url=" + redis.url()));
                RedisClient client = RedisClient.create(redis.url());
                StatefulRedisConnection<String, String> info = client.connect()) {
            Reading[] readings = new Reading[2];
            // The last sample is taken at warm-up + duration; the end reading a little before it, while publishing.
            Duration end = workload.warmup().plus(workload.duration()).minusSeconds(2);
            List<EnduranceRun.Step> steps = List.of(
                    new EnduranceRun.Step(workload.warmup(), "reading at the end of the warm-up",
                            () -> readings[0] = read(instances.ports(), info)),
                    new EnduranceRun.Step(end, "reading at the end", () -> readings[1] = read(instances.ports(), info)));
            EnduranceRun.Outcome outcome = EnduranceRun.run(
                    Deployment.instances(instances.ports().subList(0, serving)), EnduranceRun.Target.HERALD,
                    workload, new File(directory, "scaling-" + count + ".csv"), steps);
            double seconds = (readings[1].nanos() - readings[0].nanos()) / 1e9;
            double[] percent = new double[count];
            for (int i = 0; i < count; i++) {
                percent[i] = (readings[1].instanceCpuNanos()[i] - readings[0].instanceCpuNanos()[i]) / 1e9
                        / seconds * 100;
            }
            double servingCpu = Arrays.stream(percent, 0, serving).average().orElseThrow();
            double idleCpu = Arrays.stream(percent, serving, count).average().orElse(Double.NaN);
            double total = Arrays.stream(percent).sum();
            Row row = new Row(count, serving, servingCpu, idleCpu,
                    count == serving ? Double.NaN : Arrays.stream(percent, serving, count).sum() / total,
                    (readings[1].redisOutBytes() - readings[0].redisOutBytes()) / 1024.0 / seconds,
                    (readings[1].redisInBytes() - readings[0].redisInBytes()) / 1024.0 / seconds,
                    (readings[1].redisCpuSeconds() - readings[0].redisCpuSeconds()) / seconds * 100,
                    outcome.mean(EnduranceRun.Sample::deliveredPerSecond), outcome.mean(EnduranceRun.Sample::p95));
            System.out.printf(Locale.ROOT, "%d instances: per instance cpu%% %s, lost %d%n", count,
                    Arrays.toString(Arrays.stream(percent).map(p -> Math.round(p * 10) / 10.0).toArray()),
                    outcome.lost());
            return row;
        }
    }

    private static Reading read(List<Integer> ports, StatefulRedisConnection<String, String> info) {
        long[] cpu = new long[ports.size()];
        for (int i = 0; i < ports.size(); i++) {
            cpu[i] = instanceCpuNanos(ports.get(i));
        }
        String stats = info.sync().info("stats") + info.sync().info("cpu");
        return new Reading(System.nanoTime(), cpu,
                field(stats, "used_cpu_sys") + field(stats, "used_cpu_user"),
                (long) field(stats, "total_net_output_bytes"), (long) field(stats, "total_net_input_bytes"));
    }

    private static double field(String info, String name) {
        return info.lines().filter(line -> line.startsWith(name + ":")).findFirst()
                .map(line -> Double.parseDouble(line.substring(name.length() + 1).trim()))
                .orElseThrow(() -> new IllegalStateException("Redis INFO has no " + name));
    }

    // MeterResource answers "cpu-nanos heap gc"; its GC comes after the CPU reading.
    private static long instanceCpuNanos(int port) {
        try {
            String answer = HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/endurance/meter"))
                    .build(), HttpResponse.BodyHandlers.ofString()).body();
            return Long.parseLong(answer.trim().split(" ")[0]);
        } catch (IOException e) {
            throw new IllegalStateException("Instance on port " + port + " did not answer its meter", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
