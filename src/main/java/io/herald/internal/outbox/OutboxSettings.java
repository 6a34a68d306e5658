package io.herald.internal.outbox;

import io.herald.internal.HeraldMessages;
import io.herald.spi.ConnectionConfig;
import java.time.Duration;
import java.util.Optional;

/**
 * A connection's transactional outbox, from {@code broadcast.<connection>.outbox*}.
 *
 * <pre>{@code
 * broadcast.pusher.outbox=jdbc
 * broadcast.pusher.outbox.datasource=java:jboss/datasources/OrdersDS
 * }</pre>
 *
 * @param dataSource {@code outbox.datasource}: a JNDI name; empty means the application's {@code DataSource} bean
 *                   (Quarkus's default datasource) if it has one, else {@code java:comp/DefaultDataSource}
 * @param table {@code outbox.table} (default {@code herald_outbox}), created at startup when missing
 * @param relay {@code outbox.relay} (default true): whether this instance sends rows; false writes only
 * @param pollInterval {@code outbox.poll-ms} (default 200): how often the relay looks for rows when idle
 * @param batchSize {@code outbox.batch-size} (default 100): rows claimed at a time
 * @param lease {@code outbox.lease-seconds} (default 60): how long a claimed row is this instance's; a row whose
 *              instance died is sent by another once it expires. Longer than the delivery engine's retry deadline
 */
public record OutboxSettings(Optional<String> dataSource, String table, boolean relay, Duration pollInterval,
        int batchSize, Duration lease) {

    /** The default data source of a Jakarta EE server. */
    public static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    /** The outbox of {@code config}'s connection, or empty when it has none. */
    public static Optional<OutboxSettings> from(ConnectionConfig config) {
        Optional<String> kind = config.get("outbox");
        if (kind.isEmpty() || kind.get().equals("none")) {
            return Optional.empty();
        }
        if (!kind.get().equals("jdbc")) {
            throw HeraldMessages.invalidProperty(config.property("outbox"), "jdbc or none, not '" + kind.get() + "'");
        }
        String table = config.get("outbox.table").orElse("herald_outbox");
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            throw HeraldMessages.invalidProperty(config.property("outbox.table"), "a plain SQL table name");
        }
        return Optional.of(new OutboxSettings(config.get("outbox.datasource"), table,
                config.getBoolean("outbox.relay", true), Duration.ofMillis(positive(config, "outbox.poll-ms", 200)),
                positive(config, "outbox.batch-size", 100),
                Duration.ofSeconds(positive(config, "outbox.lease-seconds", 60))));
    }

    private static int positive(ConnectionConfig config, String key, int defaultValue) {
        int value = config.getInt(key, defaultValue);
        if (value < 1) {
            throw HeraldMessages.invalidProperty(config.property(key), "at least 1");
        }
        return value;
    }
}
