package io.herald.bench;

import io.herald.Broadcast;
import io.herald.engine.Tick;
import io.herald.testing.HeraldContainer;
import io.herald.testing.PostgresProcess;
import io.herald.testing.PusherRestStandIn;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.nio.file.Files;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcConnectionPool;
import org.h2.jdbcx.JdbcDataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.postgresql.ds.PGConnectionPoolDataSource;

/**
 * Part of {@code mvn -Pbench,delivery}: the caller's cost of {@code fire()} and the events delivered per second
 * through the in-memory queue ({@code async=true}) against the transactional outbox on H2 (file mode) and on a
 * private PostgreSQL, in the same run, against the stand-in answering after {@code latency}.
 */
final class OutboxComparison {
    private static final int EVENTS = 5_000;
    private static DataSource current;

    private OutboxComparison() {
    }

    /** The data source of the container being measured. */
    @Singleton
    public static class Database {
        @Produces
        @Singleton
        DataSource dataSource() {
            return current;
        }
    }

    static void run(PusherRestStandIn pusher, Duration latency) throws Exception {
        System.out.printf("%nthe outbox against the in-memory queue (%,d events each, answers after %d ms)%n", EVENTS,
                latency.toMillis());
        System.out.printf("  %-22s %12s %12s %14s%n", "", "median µs", "p99 µs", "delivered/s");
        double[] memory = measure(pusher, latency, "memory queue", null, Map.of("broadcast.pusher.async", "true"));
        // Pooled, as an application server's data sources are (H2's small pool over each driver's pooled source).
        JdbcDataSource h2 = new JdbcDataSource();
        h2.setURL("jdbc:h2:file:" + Files.createTempDirectory("outbox-bench").resolve("db"));
        double[] onH2 = measure(pusher, latency, "outbox, H2 (file)", JdbcConnectionPool.create(h2),
                Map.of("broadcast.pusher.outbox", "jdbc"));
        double[] onPostgres;
        try (PostgresProcess postgres = PostgresProcess.start()) {
            PGConnectionPoolDataSource pooled = new PGConnectionPoolDataSource();
            pooled.setURL(postgres.jdbcUrl());
            onPostgres = measure(pusher, latency, "outbox, PostgreSQL", JdbcConnectionPool.create(pooled),
                    Map.of("broadcast.pusher.outbox", "jdbc"));
        }
        System.out.printf("  ratio H2 / memory: caller p50 %.1f, throughput %.2f; PostgreSQL / memory: caller p50 %.1f, "
                + "throughput %.2f%n", onH2[0] / memory[0], onH2[2] / memory[2], onPostgres[0] / memory[0],
                onPostgres[2] / memory[2]);
    }

    // {median caller cost µs, p99 µs, delivered per second}
    private static double[] measure(PusherRestStandIn pusher, Duration latency, String name, DataSource dataSource,
            Map<String, String> extra) throws Exception {
        current = dataSource;
        Map<String, String> config = new HashMap<>(pusher.settingsFor("pusher"));
        config.put("broadcast.pusher.queue-capacity", "50000");
        config.put("broadcast.pusher.queue-wait-ms", "60000");
        config.put("broadcast.pusher.outbox.batch-size", "500");
        config.putAll(extra);
        try (WeldContainer container = dataSource == null ? HeraldContainer.start(config)
                : HeraldContainer.start(config, Database.class)) {
            Event<Tick> ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);
            for (int seq = 0; seq < 500; seq++) {
                ticks.fire(new Tick(seq));
            }
            awaitDelivered(pusher, 500);
            pusher.reset();
            pusher.delayAnswers(latency);
            long[] nanos = new long[EVENTS];
            long started = System.nanoTime();
            for (int seq = 0; seq < EVENTS; seq++) {
                long before = System.nanoTime();
                ticks.fire(new Tick(seq));
                nanos[seq] = System.nanoTime() - before;
            }
            awaitDelivered(pusher, EVENTS);
            double perSecond = EVENTS / ((System.nanoTime() - started) / 1e9);
            Arrays.sort(nanos);
            double[] figures = {nanos[EVENTS / 2] / 1e3, nanos[(int) (EVENTS * 0.99)] / 1e3, perSecond};
            System.out.printf("  %-22s %12.1f %12.1f %14.0f%n", name, figures[0], figures[1], figures[2]);
            pusher.reset();
            return figures;
        }
    }

    private static void awaitDelivered(PusherRestStandIn pusher, int events) throws InterruptedException {
        while (pusher.publishedCount() < events) {
            Thread.sleep(5);
        }
    }
}
