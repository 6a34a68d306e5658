package io.herald.endurance;

import io.herald.testing.RedisProcess;
import java.io.File;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run 3 of issue 22: the sustained workload against one instance alone, then against {@code instances} (3) on one
 * Redis, each instance a JVM of its own ({@link EnduranceNode}), clients spread over them, every channel published
 * through an instance's REST API. Prints both runs' figures and the cluster's delay ratios to the single instance;
 * writes {@code target/endurance/cluster-*.csv}. With {@code faults=true} (run 4), only the three instances, the last
 * killed with {@code kill -9} three minutes after the warm-up and Redis restarted three minutes later; prints when
 * presence was right again after each. Not a test: {@code mvn -Pbench,cluster-endurance verify}.
 */
public final class ClusterEnduranceBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> values = Workload.settings(args);
        int instances = Integer.parseInt(values.getOrDefault("instances", "3"));
        boolean faults = Boolean.parseBoolean(values.getOrDefault("faults", "false"));
        values.remove("instances");
        values.remove("faults");
        Workload workload = Workload.DEFAULT.with(values);
        File directory = new File("target/endurance");
        directory.mkdirs();
        System.out.println("Workload: " + workload + ", instances=" + instances);
        EnduranceRun.Outcome single = null;
        try (Instances one = Instances.start(faults ? 0 : 1, List.of())) {
            if (!faults) {
                single = EnduranceRun.run(Deployment.instances(one.ports()), EnduranceRun.Target.HERALD, workload,
                        new File(directory, "cluster-1.csv"));
            }
        }
        EnduranceRun.Outcome cluster;
        try (RedisProcess redis = RedisProcess.start();
                Instances many = Instances.start(instances, List.of("broadcast.local.scaling=redis",
                        "broadcast.local.redis.url=" + redis.url()))) {
            // Run 4: the last instance killed (kill -9) three minutes in, Redis restarted three minutes later.
            List<EnduranceRun.Step> scheduled = !faults ? List.of() : List.of(
                    new EnduranceRun.Step(workload.warmup().plusMinutes(3), "kill -9 of the last instance",
                            () -> many.processes().get(instances - 1).destroyForcibly()),
                    new EnduranceRun.Step(workload.warmup().plusMinutes(6), "Redis restarted", () -> {
                        try {
                            redis.restart();
                        } catch (IOException | InterruptedException e) {
                            throw new IllegalStateException(e);
                        }
                    }));
            cluster = EnduranceRun.run(Deployment.instances(many.ports()), EnduranceRun.Target.HERALD, workload,
                    new File(directory, "cluster-" + instances + (faults ? "-faults" : "") + ".csv"), scheduled);
        }
        if (faults) {
            printFaultRun(cluster, workload);
            System.exit(0);
        }
        System.out.printf("%-10s %10s %8s %8s %8s %6s %6s %6s %8s %8s %10s %10s%n", "instances", "deliv/s", "p50 ms",
                "p95 ms", "p99 ms", "lost", "dup", "ooo", "presence", "views", "heap MB/m", "cpu us/msg");
        for (EnduranceRun.Outcome outcome : List.of(single, cluster)) {
            System.out.printf("%-10s %10.0f %8.2f %8.2f %8.2f %6d %6d %6d %8d %8d %10.3f %10.2f%n",
                    outcome == single ? "1" : String.valueOf(instances),
                    outcome.mean(EnduranceRun.Sample::deliveredPerSecond), outcome.mean(EnduranceRun.Sample::p50),
                    outcome.mean(EnduranceRun.Sample::p95), outcome.mean(EnduranceRun.Sample::p99), outcome.lost(),
                    outcome.total(EnduranceRun.Sample::duplicated), outcome.total(EnduranceRun.Sample::outOfOrder),
                    outcome.total(EnduranceRun.Sample::presenceMismatches),
                    outcome.total(EnduranceRun.Sample::viewMismatches), outcome.heapSlopeMbPerMinute(),
                    outcome.mean(EnduranceRun.Sample::cpuMicrosPerMessage));
        }
        System.out.printf(Locale.ROOT, "ratio %d instances / 1: p50 %.2f, p95 %.2f, p99 %.2f, cpu per message %.2f%n",
                instances, cluster.mean(EnduranceRun.Sample::p50) / single.mean(EnduranceRun.Sample::p50),
                cluster.mean(EnduranceRun.Sample::p95) / single.mean(EnduranceRun.Sample::p95),
                cluster.mean(EnduranceRun.Sample::p99) / single.mean(EnduranceRun.Sample::p99),
                cluster.mean(EnduranceRun.Sample::cpuMicrosPerMessage)
                        / single.mean(EnduranceRun.Sample::cpuMicrosPerMessage));
        System.exit(0);
    }

    // When presence was right again after each fault, what the clients lost while connected, and what no instance took.
    private static void printFaultRun(EnduranceRun.Outcome outcome, Workload workload) {
        for (long minutes : new long[] {3, 6}) {
            double at = workload.warmup().plusMinutes(minutes).toSeconds();
            String right = outcome.samples().stream()
                    .filter(sample -> sample.seconds() > at)
                    .filter(sample -> sample.presenceMismatches() == 0 && sample.viewMismatches() == 0)
                    .findFirst().map(sample -> String.format(Locale.ROOT, "%.0f s", sample.seconds() - at))
                    .orElse("never");
            System.out.println("Presence right again after the fault at " + at + " s: within " + right);
        }
        for (EnduranceRun.Sample sample : outcome.samples()) {
            System.out.println(sample.csv());
        }
        System.out.printf("lost while connected: %d, never heard anything: %d, refused to the publisher: %d, "
                + "reconnections: %d, duplicated: %d, out of order: %d%n", outcome.lost(), outcome.silent(),
                outcome.publishFailures(), outcome.total(EnduranceRun.Sample::reconnects),
                outcome.total(EnduranceRun.Sample::duplicated), outcome.total(EnduranceRun.Sample::outOfOrder));
    }
}
