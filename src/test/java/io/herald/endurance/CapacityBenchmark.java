package io.herald.endurance;

import io.herald.endurance.server.PlainChannelsEndpoint;
import io.herald.endurance.server.PlainPublishResource;
import io.herald.testing.HeraldServer;
import java.io.File;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Run 2 of issue 22: the sustained workload at rising publish rates ({@code rates=1000,2000,4000}), 30 seconds each
 * after 10 of warm-up, against Herald's {@code local} server and the plain endpoint in the same process, until the
 * delay's p99 passes 100 ms or anything is lost. Prints, per rate, what was delivered, the delays, and delivered
 * messages per second of server CPU (the publishers' threads left out), so the highest rate each holds and its cost
 * per core can be read off. Not a test: {@code mvn -Pbench,capacity verify}.
 */
public final class CapacityBenchmark {

    public static void main(String[] args) throws Exception {
        Map<String, String> values = Workload.settings(args);
        List<Integer> rates = new ArrayList<>();
        for (String rate : values.getOrDefault("rates", "1000,2000,3000,4000,6000,8000").split(",")) {
            rates.add(Integer.parseInt(rate));
        }
        values.remove("rates");
        Workload base = Workload.DEFAULT.with(values);
        File directory = new File("target/endurance");
        directory.mkdirs();
        System.out.println("Machine: " + Runtime.getRuntime().availableProcessors() + " cores, Java "
                + System.getProperty("java.version"));
        System.out.printf("%-7s %8s %10s %8s %8s %8s %6s %14s%n", "server", "rate", "deliv/s", "p50 ms", "p95 ms",
                "p99 ms", "lost", "msg/s per core");
        try (HeraldServer server = HeraldServer.atRoot(EnduranceRun.localConfig(), PlainChannelsEndpoint.class,
                PlainPublishResource.class)) {
            for (EnduranceRun.Target target : EnduranceRun.Target.values()) {
                for (int rate : rates) {
                    Workload step = base.with(Map.of("events-per-second", String.valueOf(rate),
                            "warmup", values.getOrDefault("warmup", Duration.ofSeconds(10).toString()),
                            "duration", values.getOrDefault("duration", Duration.ofSeconds(30).toString())));
                    EnduranceRun.Outcome outcome = EnduranceRun.run(server, target, step,
                            new File(directory, "capacity-" + target.name().toLowerCase(Locale.ROOT) + "-" + rate
                                    + ".csv"));
                    double p99 = outcome.mean(EnduranceRun.Sample::p99);
                    long lost = outcome.lost();
                    System.out.printf("%-7s %8d %10.0f %8.2f %8.2f %8.2f %6d %14.0f%n",
                            target.name().toLowerCase(Locale.ROOT), rate,
                            outcome.mean(EnduranceRun.Sample::deliveredPerSecond),
                            outcome.mean(EnduranceRun.Sample::p50), outcome.mean(EnduranceRun.Sample::p95), p99, lost,
                            1e6 / outcome.mean(EnduranceRun.Sample::cpuMicrosPerMessage));
                    if (p99 > 100 || lost > 0) {
                        break;
                    }
                }
            }
        }
        System.exit(0);
    }
}
