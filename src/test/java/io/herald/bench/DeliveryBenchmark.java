package io.herald.bench;

import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.Broadcast;
import io.herald.engine.Tick;
import io.herald.testing.HeraldContainer;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.event.Event;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.http.impl.conn.PoolingHttpClientConnectionManager;
import org.jboss.weld.environment.se.WeldContainer;

/**
 * The delivery engine against the Pusher REST stand-in answering after an injected 10 ms, in one run: the caller's
 * cost of {@code fire()} (with {@code async=true}) and {@code fireAsync()}, Herald's delivered events per second, and
 * as baselines a plain loop of {@code pusher.trigger()} and the same loop on 8 threads, with the ratios. A harness
 * rather than JMH: the throughput part waits on a server, which JMH's iterations do not model. Run it with
 * {@code mvn -Pbench verify -Dbench=delivery} (see CONTRIBUTING.md).
 */
public final class DeliveryBenchmark {
    private static final Duration LATENCY = Duration.ofMillis(Long.getLong("latency", 10));

    public static void main(String[] args) throws Exception {
        try (PusherRestStandIn pusher = new PusherRestStandIn()) {
            pusher.delayAnswers(LATENCY);
            Map<String, String> config = Map.of(
                    "broadcast.pusher.driver", "pusher", "broadcast.pusher.app-id", PusherRestStandIn.APP_ID,
                    "broadcast.pusher.key", PusherRestStandIn.KEY, "broadcast.pusher.secret", PusherRestStandIn.SECRET,
                    "broadcast.pusher.host", "127.0.0.1", "broadcast.pusher.port", String.valueOf(pusher.port()),
                    "broadcast.pusher.ssl", "false", "broadcast.pusher.async", "true",
                    "broadcast.pusher.queue-capacity", "50000", "broadcast.pusher.queue-wait-ms", "60000");
            try (WeldContainer container = HeraldContainer.start(config, NoOpObserver.class)) {
                Event<Tick> ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);
                System.out.printf("Pusher REST stand-in answering after %d ms%n%n", LATENCY.toMillis());

                // Baseline: the container's own dispatch of the same event to an observer that does nothing.
                Event<Tick> toNoOp = container.event().select(Tick.class, NoOpObserver.QUALIFIER);
                double fireBase = callerCost("fire() to a no-op observer", 20_000, seq -> toNoOp.fire(new Tick(seq)), pusher);
                double fire = callerCost("fire()", 20_000, seq -> ticks.fire(new Tick(seq)), pusher);
                double asyncBase = callerCost("fireAsync() to a no-op observer", 20_000,
                        seq -> toNoOp.fireAsync(new Tick(seq)), pusher);
                double async = callerCost("fireAsync()", 20_000, seq -> ticks.fireAsync(new Tick(seq)), pusher);
                System.out.printf("  p99 ratio fire() / no-op %.1f, fireAsync() / no-op %.1f%n",
                        fire / fireBase, async / asyncBase);

                double herald = heraldThroughput(ticks, pusher, 10_000);
                double loop = pusherThroughput(pusher, 1, 200);
                double threads = pusherThroughput(pusher, 8, 1_600);
                System.out.printf("%nthroughput (events delivered per second)%n");
                System.out.printf("  herald (fire, async)          %10.0f%n", herald);
                System.out.printf("  pusher.trigger() loop         %10.0f%n", loop);
                System.out.printf("  pusher.trigger() on 8 threads %10.0f%n", threads);
                System.out.printf("  ratio herald / loop           %10.1f  (target >= 10)%n", herald / loop);
                System.out.printf("  ratio herald / 8 threads      %10.1f  (target >= 1.5)%n", herald / threads);
            }
            OutboxComparison.run(pusher, LATENCY);
        }
        System.exit(0);
    }

    private interface Firing {
        void fire(int seq);
    }

    // Times each call on the caller's thread, in bursts of 200 with a millisecond between them.
    // Returns the p99 in microseconds.
    private static double callerCost(String name, int events, Firing firing, PusherRestStandIn pusher) throws Exception {
        long[] nanos = new long[events];
        int warmup = 20_000;
        for (int seq = -warmup; seq < events; seq++) {
            long started = System.nanoTime();
            firing.fire(Math.max(seq, 0));
            long took = System.nanoTime() - started;
            if (seq >= 0) {
                nanos[seq] = took;
            }
            if (seq % 200 == 0) {
                Thread.sleep(1);
            }
        }
        awaitIdle(pusher);
        Arrays.sort(nanos);
        double p99 = nanos[(int) (events * 0.99)] / 1e3;
        System.out.printf("caller cost of %-24s median %7.1f µs   p99 %7.1f µs%n", name, nanos[events / 2] / 1e3, p99);
        return p99;
    }

    private static double heraldThroughput(Event<Tick> ticks, PusherRestStandIn pusher, int events) throws Exception {
        awaitIdle(pusher);
        pusher.reset();
        pusher.delayAnswers(LATENCY);
        long started = System.nanoTime();
        for (int seq = 0; seq < events; seq++) {
            ticks.fire(new Tick(seq));
        }
        while (pusher.publishedCount() < events) {
            Thread.sleep(1);
        }
        return events / ((System.nanoTime() - started) / 1e9);
    }

    private static double pusherThroughput(PusherRestStandIn stand, int threads, int events) throws Exception {
        Pusher pusher = new Pusher(PusherRestStandIn.APP_ID, PusherRestStandIn.KEY, PusherRestStandIn.SECRET);
        pusher.setHost("127.0.0.1:" + stand.port());
        PoolingHttpClientConnectionManager pool = new PoolingHttpClientConnectionManager();
        pool.setMaxTotal(threads);
        pool.setDefaultMaxPerRoute(threads);
        pusher.configureHttpClient(Pusher.defaultHttpClientBuilder().setConnectionManager(pool));
        AtomicInteger next = new AtomicInteger();
        ExecutorService workers = Executors.newFixedThreadPool(threads);
        long started = System.nanoTime();
        for (int thread = 0; thread < threads; thread++) {
            workers.submit(() -> {
                for (int seq = next.getAndIncrement(); seq < events; seq = next.getAndIncrement()) {
                    Result result = pusher.trigger("ticks", "Tick", Map.of("seq", seq));
                    if (result.getStatus() != Result.Status.SUCCESS) {
                        throw new IllegalStateException(result.getMessage());
                    }
                }
                return null;
            });
        }
        workers.shutdown();
        workers.awaitTermination(5, TimeUnit.MINUTES);
        double perSecond = events / ((System.nanoTime() - started) / 1e9);
        pusher.close();
        return perSecond;
    }

    private static void awaitIdle(PusherRestStandIn pusher) throws InterruptedException {
        int last = -1;
        while (pusher.publishedCount() != last) {
            last = pusher.publishedCount();
            Thread.sleep(200);
        }
    }
}
