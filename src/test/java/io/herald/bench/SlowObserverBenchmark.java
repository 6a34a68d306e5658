package io.herald.bench;

import io.herald.Broadcaster;
import io.herald.events.ChannelEvent;
import io.herald.testing.HeraldServer;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Singleton;

/**
 * Whether an application's slow {@link ChannelEvent} observer slows delivery to browsers: one event fanned out to
 * 1,000 subscribers while an observer that sleeps 20 ms per channel event works through the 1,000 subscriptions'
 * events, against the same run with an observer that returns at once. Three runs; run with
 * {@code mvn -Pbench verify -Dbench.class=io.herald.bench.SlowObserverBenchmark}.
 */
public final class SlowObserverBenchmark {
    private static final int CLIENTS = 1_000;

    /** The application's observer; how long it takes per event is set by the benchmark. */
    @Singleton
    public static class SlowObserver {
        volatile long sleepMillis;

        void observe(@Observes ChannelEvent event) throws InterruptedException {
            Thread.sleep(sleepMillis);
        }
    }

    public static void main(String[] args) throws Exception {
        try (HeraldServer server = HeraldServer.atRoot(FanOutBenchmark.localConfig(), SlowObserver.class)) {
            Broadcaster broadcaster = server.container().select(Broadcaster.class).get();
            SlowObserver observer = server.container().select(SlowObserver.class).get();
            String url = "ws://127.0.0.1:" + server.port() + "/app/" + FanOutBenchmark.KEY;
            System.out.printf("%-4s %-14s %10s %10s %10s%n", "run", "observer", "p50 ms", "p99 ms", "last ms");
            for (int run = 1; run <= 3; run++) {
                observer.sleepMillis = 0;
                FanOutBenchmark.Result quick = FanOutBenchmark.measure(server, url, CLIENTS, true, 30,
                        seq -> broadcaster.channel("fanout", "Tick", "{\"seq\":" + seq + "}"));
                observer.sleepMillis = 20;
                FanOutBenchmark.Result slow = FanOutBenchmark.measure(server, url, CLIENTS, true, 30,
                        seq -> broadcaster.channel("fanout", "Tick", "{\"seq\":" + seq + "}"));
                System.out.printf("%-4d %-14s %10.2f %10.2f %10.2f%n", run, "returns", quick.p50(), quick.p99(),
                        quick.last());
                System.out.printf("%-4d %-14s %10.2f %10.2f %10.2f%n", run, "sleeps 20 ms", slow.p50(), slow.p99(),
                        slow.last());
                System.out.printf("%-4d %-14s %10.2f %10.2f %10.2f%n", run, "ratio", slow.p50() / quick.p50(),
                        slow.p99() / quick.p99(), slow.last() / quick.last());
                observer.sleepMillis = 0;
            }
        }
        System.exit(0);
    }
}
