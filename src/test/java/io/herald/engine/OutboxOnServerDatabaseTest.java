package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.testing.HeraldContainer;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.util.TypeLiteral;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.stream.IntStream;
import javax.sql.DataSource;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The outbox on a server database, which each subclass starts from Debian's packages (rows claimed
 * {@code FOR UPDATE SKIP LOCKED}): the table created by Herald, the relay, and two instances of the application
 * sharing one table.
 */
abstract class OutboxOnServerDatabaseTest {
    private static DataSource dataSource;
    private static PusherRestStandIn pusher;

    /** The application's data source. */
    @Singleton
    public static class Database {
        @Produces
        @Singleton
        DataSource dataSource() {
            return dataSource;
        }
    }

    /** Called by each subclass once its database runs. */
    static void use(DataSource database) throws IOException {
        dataSource = database;
        pusher = new PusherRestStandIn();
    }

    @AfterAll
    static void stopStandIn() {
        pusher.close();
    }

    @BeforeEach
    void reset() throws Exception {
        pusher.reset();
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            statement.execute("DROP TABLE IF EXISTS herald_outbox");
        }
    }

    private static Map<String, String> config() {
        Map<String, String> config = new HashMap<>(pusher.settingsFor("pusher"));
        config.put("broadcast.default", "pusher");
        config.put("broadcast.pusher.outbox", "jdbc");
        config.put("broadcast.pusher.outbox.poll-ms", "20");
        config.put("broadcast.pusher.outbox.batch-size", "25");
        return config;
    }

    private static Event<Tick> ticks(WeldContainer container) {
        return container.select(new TypeLiteral<Event<Tick>>() { }, Broadcast.Literal.INSTANCE).get();
    }

    @Test
    void theRelaySendsEveryRowAndDeletesIt() throws Exception {
        try (WeldContainer container = HeraldContainer.start(config(), Database.class, Failures.class)) {
            IntStream.range(0, 100).forEach(seq -> ticks(container).fire(new Tick(seq)));

            await().atMost(Duration.ofSeconds(30)).until(() -> pusher.publishedCount() == 100);
            await().until(() -> count("SELECT COUNT(*) FROM herald_outbox") == 0);
        }
    }

    @Test
    void twoInstancesOnOneTableSendEveryEventOnce() throws Exception {
        try (WeldContainer first = HeraldContainer.start(config(), Database.class, Failures.class);
                WeldContainer second = HeraldContainer.start(config(), Database.class, Failures.class)) {
            IntStream.range(0, 300).forEach(seq -> {
                ticks(first).fire(new Tick(seq));
                ticks(second).fire(new Tick(300 + seq));
            });

            await().atMost(Duration.ofSeconds(60)).until(() -> count("SELECT COUNT(*) FROM herald_outbox") == 0);
        }
        var delivered = pusher.published().stream().map(Published::data).toList();
        int duplicates = delivered.size() - new HashSet<>(delivered).size();
        System.out.println(getClass().getSimpleName() + ", two instances on one table: " + delivered.size() + " deliveries of 600 events, "
                + duplicates + " duplicates");
        assertThat(new HashSet<>(delivered)).containsExactlyInAnyOrderElementsOf(
                IntStream.range(0, 600).mapToObj(seq -> "{\"seq\":" + seq + "}").toList());
        assertThat(duplicates).isZero();
    }

    private static long count(String query) throws Exception {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            rows.next();
            return rows.getLong(1);
        }
    }
}
