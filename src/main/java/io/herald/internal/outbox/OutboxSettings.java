package io.herald.internal.outbox;

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
 * @param maxBackoff {@code outbox.max-backoff-seconds} (default 60): a row whose delivery failed for a reason that
 *                   may pass (network, 5xx, 429) is tried again after 1 s, then twice as long each time, up to this
 * @param giveUpAfter {@code outbox.give-up-after-seconds} (default 86,400: a day): a row still failing this long
 *                    after it was written is marked failed and reported
 */
public record OutboxSettings(Optional<String> dataSource, String table, boolean relay, Duration pollInterval,
        int batchSize, Duration lease, Duration maxBackoff, Duration giveUpAfter) {

    /** The default data source of a Jakarta EE server. */
    public static final String DEFAULT_DATA_SOURCE = "java:comp/DefaultDataSource";

    /** The outbox of {@code config}'s connection, or empty when it has none. */
    public static Optional<OutboxSettings> from(ConnectionConfig config) {
        if (config.getChoice("outbox", "none", "none", "jdbc").equals("none")) {
            return Optional.empty();
        }
        String table = config.get("outbox.table").orElse("herald_outbox");
        if (!table.matches("[A-Za-z_][A-Za-z0-9_]{0,62}")) {
            config.invalid("outbox.table", "a plain SQL table name, not '" + table + "'");
        }
        return Optional.of(new OutboxSettings(config.get("outbox.datasource"), table,
                config.getBoolean("outbox.relay", true),
                Duration.ofMillis(config.getInt("outbox.poll-ms", 200, 1, 3_600_000)),
                config.getInt("outbox.batch-size", 100, 1, 100_000),
                Duration.ofSeconds(config.getInt("outbox.lease-seconds", 60, 1, 86_400)),
                Duration.ofSeconds(config.getInt("outbox.max-backoff-seconds", 60, 1, 86_400)),
                Duration.ofSeconds(config.getInt("outbox.give-up-after-seconds", 86_400, 1, 30 * 86_400))));
    }
}
