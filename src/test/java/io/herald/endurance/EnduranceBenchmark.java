package io.herald.endurance;

import io.herald.endurance.server.PlainChannelsEndpoint;
import io.herald.endurance.server.PlainPublishResource;
import io.herald.testing.HeraldServer;
import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * Run 1 of issue 22: the sustained workload ({@link Workload#DEFAULT}, every value replaceable as {@code key=value}
 * arguments, or in the system property {@code endurance.args}) against Herald's {@code local} server and, in the same process and container, against the plain
 * endpoint; prints each run's figures and Herald's ratios to the plain endpoint, and writes
 * {@code target/endurance/<target>.csv} and {@code target/endurance/run.png}. With {@code server=quarkus} (run 5),
 * the server is the packaged Quarkus application of {@code it/quarkus-endurance} in a process of its own, published
 * to over HTTP only (both targets), and the files are named {@code quarkus-*}. Not a test: {@code mvn -Pbench,endurance
 * verify} (CONTRIBUTING.md, "Endurance").
 */
public final class EnduranceBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> values = Workload.settings(args);
        Workload workload = Workload.DEFAULT.with(values);
        File directory = new File("target/endurance");
        directory.mkdirs();
        System.out.println("Workload: " + workload);
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version") + ", " + System.getProperty("os.name") + " "
                + System.getProperty("os.version"));
        boolean quarkus = "quarkus".equals(values.remove("server"));
        String prefix = quarkus ? "quarkus-" : "";
        EnduranceRun.Outcome herald;
        EnduranceRun.Outcome plain;
        if (quarkus) {
            // Run 5: the same, with the server a packaged Quarkus application in a process of its own.
            try (Instances server = Instances.quarkus(Path.of("it/quarkus-endurance/target/quarkus-app/quarkus-run.jar"),
                    EnduranceRun.localConfig())) {
                Deployment deployment = Deployment.instances(server.ports());
                herald = EnduranceRun.run(deployment, EnduranceRun.Target.HERALD, workload,
                        new File(directory, "quarkus-herald.csv"));
                if (values.containsKey("herald-only")) {
                    System.exit(0);
                }
                plain = EnduranceRun.run(deployment, EnduranceRun.Target.PLAIN, workload,
                        new File(directory, "quarkus-plain.csv"));
            }
        } else {
            try (HeraldServer server = HeraldServer.atRoot(EnduranceRun.localConfig(), PlainChannelsEndpoint.class,
                    PlainPublishResource.class)) {
                herald = EnduranceRun.run(server, EnduranceRun.Target.HERALD, workload,
                        new File(directory, "herald.csv"));
                if (values.containsKey("herald-only")) {
                    System.exit(0);
                }
                plain = EnduranceRun.run(server, EnduranceRun.Target.PLAIN, workload, new File(directory, "plain.csv"));
            }
        }
        EnduranceChart.draw(List.of(herald, plain), new File(directory, prefix + "run.png"));
        System.out.printf("%-8s %10s %8s %8s %8s %6s %6s %6s %8s %8s %10s %10s %8s%n", "server", "deliv/s", "p50 ms",
                "p95 ms", "p99 ms", "lost", "dup", "ooo", "presence", "views", "heap MB/m", "cpu us/msg", "gc ms");
        for (EnduranceRun.Outcome outcome : List.of(herald, plain)) {
            System.out.printf("%-8s %10.0f %8.2f %8.2f %8.2f %6d %6d %6d %8d %8d %10.3f %10.2f %8d%n",
                    outcome.target().name().toLowerCase(java.util.Locale.ROOT),
                    outcome.mean(EnduranceRun.Sample::deliveredPerSecond), outcome.mean(EnduranceRun.Sample::p50),
                    outcome.mean(EnduranceRun.Sample::p95), outcome.mean(EnduranceRun.Sample::p99), outcome.lost(),
                    outcome.total(EnduranceRun.Sample::duplicated), outcome.total(EnduranceRun.Sample::outOfOrder),
                    outcome.total(EnduranceRun.Sample::presenceMismatches),
                    outcome.total(EnduranceRun.Sample::viewMismatches), outcome.heapSlopeMbPerMinute(),
                    outcome.mean(EnduranceRun.Sample::cpuMicrosPerMessage),
                    outcome.total(EnduranceRun.Sample::gcMillis));
        }
        System.out.printf("ratio herald/plain: p50 %.2f, p95 %.2f, p99 %.2f, cpu per message %.2f%n",
                herald.mean(EnduranceRun.Sample::p50) / plain.mean(EnduranceRun.Sample::p50),
                herald.mean(EnduranceRun.Sample::p95) / plain.mean(EnduranceRun.Sample::p95),
                herald.mean(EnduranceRun.Sample::p99) / plain.mean(EnduranceRun.Sample::p99),
                herald.mean(EnduranceRun.Sample::cpuMicrosPerMessage)
                        / plain.mean(EnduranceRun.Sample::cpuMicrosPerMessage));
        System.exit(0);
    }
}
