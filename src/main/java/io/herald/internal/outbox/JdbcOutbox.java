package io.herald.internal.outbox;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.background.Background;
import io.herald.spi.OutboundEvent;
import io.herald.spi.RetryableBroadcastException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import javax.sql.DataSource;

/**
 * One connection's transactional outbox: {@link #write} stores an event as a row, through the application's data
 * source, so that inside a JTA transaction it commits or rolls back with the transaction; a relay thread claims rows
 * (a lease per instance, with {@code FOR UPDATE SKIP LOCKED} where the database has it), hands them to the delivery
 * engine (batches, retries, backoff) and deletes each once delivered (together, in its next round). A row whose
 * delivery failed for a reason that may pass (network, 5xx, 429, the application stopping) stays pending and is
 * claimed again after a backoff that doubles from 1 s up to {@code outbox.max-backoff-seconds}, until it is
 * {@code outbox.give-up-after-seconds} old; then, or at once when the service refused it for good (a 4xx other than
 * 429), it is marked failed (kept) and reported as {@code BroadcastFailed}, once. Rows of an instance that died are
 * sent by another once their lease expired, so delivery is at least once; at most {@code outbox.batch-size} rows are
 * claimed and not yet deleted at any time, which bounds what a crash can send twice.
 *
 * <pre>{@code
 * JdbcOutbox outbox = new JdbcOutbox("pusher", dataSource, settings, sender, Background.system());
 * outbox.start();                 // creates the table when missing, starts the relay
 * outbox.write(event);            // in the caller's transaction, if any
 * }</pre>
 */
public final class JdbcOutbox implements AutoCloseable {
    private static final Duration STATS_EVERY = Duration.ofSeconds(1);

    /** Where the relay hands rows (the connection's delivery engine), and where it reports a row it gave up on. */
    public interface Sender {
        /** Queues the event; the stage follows the delivery, and a failure is not reported (the outbox decides). */
        CompletableFuture<Void> send(OutboundEvent event);

        /** Reports an event given up on (logged, {@code BroadcastFailed}); never throws. */
        void giveUp(BroadcastException failure, Object payload);
    }

    /** Rows waiting, the oldest one's age, and rows given up on, as last counted. */
    public record Stats(long waiting, Duration oldest, long failed) {
    }

    private final String connection;
    private final DataSource dataSource;
    private final OutboxSettings settings;
    private final Sender sender;
    private final Background background;
    private final Clock clock;
    private final String owner = UUID.randomUUID().toString();
    private final AtomicInteger inFlight = new AtomicInteger();
    // Rows delivered and not deleted yet: the relay deletes them together, one statement per round.
    private final Queue<Long> delivered = new ConcurrentLinkedQueue<>();
    private final AtomicBoolean warned = new AtomicBoolean();
    private final AtomicBoolean deferring = new AtomicBoolean();
    private volatile boolean running = true;
    private volatile boolean reachable = true;
    private volatile Stats stats = new Stats(0, Duration.ZERO, 0);
    private volatile Instant statsAt = Instant.EPOCH;
    private OutboxDialect dialect = OutboxDialect.STANDARD;
    private Thread relay;

    public JdbcOutbox(String connection, DataSource dataSource, OutboxSettings settings, Sender sender,
            Background background) {
        this.connection = connection;
        this.dataSource = dataSource;
        this.settings = settings;
        this.sender = sender;
        this.background = background;
        this.clock = background.clock();
    }

    /** Creates the table when it is missing, and starts the relay (unless {@code outbox.relay=false}). */
    public void start() {
        try (Connection db = dataSource.getConnection()) {
            dialect = OutboxDialect.of(db.getMetaData().getDatabaseProductName());
            if (!exists(db)) {
                try (Statement statement = db.createStatement()) {
                    statement.execute(dialect.createTable(settings.table()));
                } catch (SQLException raced) {
                    if (!exists(db)) {
                        throw raced;
                    }
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(HeraldMessages.outboxTableFailed(connection,
                    settings.table(), e.getMessage()), e);
        }
        if (settings.relay()) {
            relay = background.start("herald-outbox-" + connection, this::relay);
        }
    }

    /**
     * Stores the event; inside a JTA transaction on a transactional data source, it is part of that transaction.
     *
     * @throws BroadcastException when it could not be stored (the caller's transaction should not commit)
     */
    public void write(OutboundEvent event) {
        JsonArray channels = new JsonArray();
        event.channels().forEach(channels::add);
        try (Connection db = dataSource.getConnection(); PreparedStatement insert = db.prepareStatement("INSERT INTO "
                + settings.table() + " (connection_name, channels, event_name, payload, socket_id, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, connection);
            insert.setString(2, channels.toString());
            insert.setString(3, event.name());
            insert.setString(4, event.data());
            insert.setString(5, event.socketId());
            insert.setTimestamp(6, Timestamp.from(clock.instant()));
            insert.executeUpdate();
        } catch (SQLException e) {
            throw new BroadcastException(connection, event.channels(), event.name(), "the outbox table "
                    + settings.table() + " could not store it: " + e.getMessage(), e);
        }
    }

    /** What this outbox was opened with. */
    public OutboxSettings settings() {
        return settings;
    }

    /** Whether the data source answered the last time the relay asked it. */
    public boolean reachable() {
        return reachable;
    }

    /** The counts, at most a second old (read from the table when older). */
    public Stats stats() {
        if (clock.instant().isAfter(statsAt.plus(STATS_EVERY))) {
            try {
                count();
                linkUp();
            } catch (SQLException e) {
                linkDown(e);
            }
        }
        return stats;
    }

    /** Stops the relay; rows still claimed are sent by an instance that claims them once their lease expired. */
    @Override
    public void close() {
        running = false;
        if (relay != null) {
            relay.interrupt();
        }
        try {
            deleteDelivered();
        } catch (SQLException e) {
            // delivered again by whoever claims them: at least once
        }
    }

    private void relay() {
        while (running) {
            try {
                deleteDelivered();
                // Claimed and not yet deleted stays within one batch, which bounds what a crash sends twice.
                int room = settings.batchSize() - inFlight.get();
                List<Row> rows = room > 0 ? claim(room) : List.of();
                linkUp();
                for (Row row : rows) {
                    hand(row);
                }
                stats();
                if (rows.isEmpty()) {
                    background.sleeper().sleep(settings.pollInterval());
                }
            } catch (SQLException e) {
                linkDown(e);
                sleepQuietly();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    // One row to the engine; counted in flight until it is deleted, deferred or marked failed.
    private void hand(Row row) {
        inFlight.incrementAndGet();
        CompletableFuture<Void> delivery;
        try {
            delivery = sender.send(row.event());
        } catch (RuntimeException queueFull) {
            inFlight.decrementAndGet();
            release(row);
            return;
        }
        delivery.whenComplete((done, failure) -> {
            if (failure == null) {
                delivered.add(row.id());
                if (deferring.getAndSet(false)) {
                    HeraldLog.outboxDeliversAgain(connection);
                }
                return;
            }
            try {
                BroadcastException why = broadcastFailure(row, failure);
                if (mayPass(why) && clock.instant().isBefore(row.createdAt().plus(settings.giveUpAfter()))) {
                    defer(row, why);
                } else {
                    markFailed(row, why);
                    sender.giveUp(why, row.event().data());
                }
            } finally {
                inFlight.decrementAndGet();
            }
        });
    }

    private BroadcastException broadcastFailure(Row row, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null
                ? failure.getCause() : failure;
        return cause instanceof BroadcastException known ? known : new BroadcastException(connection,
                row.event().channels(), row.event().name(), String.valueOf(cause.getMessage()), cause);
    }

    // Network, 5xx, 429, a stop before it was sent: the delivery engine said trying later may succeed.
    private static boolean mayPass(BroadcastException failure) {
        return failure instanceof RetryableBroadcastException
                || failure.getCause() instanceof RetryableBroadcastException;
    }

    /** The wait before a row's next claim once {@code attempts} claims failed: 1 s, doubled each time, to the cap. */
    Duration backoff(int attempts) {
        long seconds = 1L << Math.min(30, Math.max(0, attempts - 1));
        return Duration.ofSeconds(Math.min(seconds, settings.maxBackoff().toSeconds()));
    }

    // The row stays pending, unclaimable until its backoff is over.
    private void defer(Row row, BroadcastException failure) {
        if (!deferring.getAndSet(true)) {
            HeraldLog.outboxDeferring(connection, failure.reason(), settings.maxBackoff().toSeconds(),
                    settings.giveUpAfter().toSeconds());
        }
        Instant next = clock.instant().plus(backoff(row.attempts()));
        try (Connection db = dataSource.getConnection(); PreparedStatement later = db.prepareStatement("UPDATE "
                + settings.table() + " SET lease_owner = NULL, leased_until = ? WHERE id = ?")) {
            later.setTimestamp(1, Timestamp.from(next));
            later.setLong(2, row.id());
            later.executeUpdate();
        } catch (SQLException e) {
            linkDown(e);   // its lease runs out instead, and the row is claimed again then
        }
    }

    private void deleteDelivered() throws SQLException {
        List<Long> ids = new ArrayList<>();
        for (Long id = delivered.poll(); id != null && ids.size() < 1_000; id = delivered.poll()) {
            ids.add(id);
        }
        if (ids.isEmpty()) {
            return;
        }
        String marks = String.join(", ", Collections.nCopies(ids.size(), "?"));
        try (Connection db = dataSource.getConnection(); PreparedStatement delete = db.prepareStatement("DELETE FROM "
                + settings.table() + " WHERE id IN (" + marks + ")")) {
            for (int i = 0; i < ids.size(); i++) {
                delete.setLong(i + 1, ids.get(i));
            }
            delete.executeUpdate();
        } catch (SQLException e) {
            delivered.addAll(ids);
            throw e;
        }
        inFlight.addAndGet(-ids.size());
    }

    private List<Row> claim(int limit) throws SQLException {
        Instant now = clock.instant();
        List<Row> claimed = new ArrayList<>();
        try (Connection db = dataSource.getConnection()) {
            db.setAutoCommit(false);
            try {
                List<Row> candidates = new ArrayList<>();
                try (PreparedStatement select = db.prepareStatement("SELECT id, channels, event_name, payload, "
                        + "socket_id, attempts, created_at FROM " + settings.table() + " WHERE failed_at IS NULL AND "
                        + "(leased_until IS NULL OR leased_until < ?) ORDER BY id" + dialect.claimClause(limit))) {
                    select.setTimestamp(1, Timestamp.from(now));
                    select.setMaxRows(limit);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next() && candidates.size() < limit) {
                            // attempts counts this claim too (the update below adds it)
                            candidates.add(new Row(rows.getLong(1), new OutboundEvent(channels(rows.getString(2)),
                                    rows.getString(3), rows.getString(4), rows.getString(5)), rows.getInt(6) + 1,
                                    rows.getTimestamp(7).toInstant()));
                        }
                    }
                }
                try (PreparedStatement lease = db.prepareStatement("UPDATE " + settings.table() + " SET lease_owner = ?, "
                        + "leased_until = ?, attempts = attempts + 1 WHERE id = ? AND failed_at IS NULL AND "
                        + "(leased_until IS NULL OR leased_until < ?)")) {
                    for (Row row : candidates) {
                        lease.setString(1, owner);
                        lease.setTimestamp(2, Timestamp.from(now.plus(settings.lease())));
                        lease.setLong(3, row.id());
                        lease.setTimestamp(4, Timestamp.from(now));
                        if (lease.executeUpdate() == 1) {
                            claimed.add(row);
                        }
                    }
                }
                db.commit();
            } catch (SQLException e) {
                db.rollback();
                throw e;
            } finally {
                db.setAutoCommit(true);
            }
        }
        return claimed;
    }

    private void markFailed(Row row, BroadcastException failure) {
        String why = failure.reason();
        try (Connection db = dataSource.getConnection(); PreparedStatement fail = db.prepareStatement("UPDATE "
                + settings.table() + " SET failed_at = ?, failure = ? WHERE id = ?")) {
            fail.setTimestamp(1, Timestamp.from(clock.instant()));
            fail.setString(2, why.length() > 2000 ? why.substring(0, 2000) : why);
            fail.setLong(3, row.id());
            fail.executeUpdate();
        } catch (SQLException e) {
            linkDown(e);
        }
    }

    // Gives a claimed row back at once (the engine could not take it now).
    private void release(Row row) {
        update("UPDATE " + settings.table() + " SET leased_until = NULL, lease_owner = NULL WHERE id = ?", row.id());
    }

    private void update(String sql, long id) {
        try (Connection db = dataSource.getConnection(); PreparedStatement statement = db.prepareStatement(sql)) {
            statement.setLong(1, id);
            statement.executeUpdate();
        } catch (SQLException e) {
            linkDown(e);
        }
    }

    private synchronized void count() throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement()) {
            long waiting;
            Duration oldest = Duration.ZERO;
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*), MIN(created_at) FROM " + settings.table()
                    + " WHERE failed_at IS NULL")) {
                result.next();
                waiting = result.getLong(1);
                Timestamp first = result.getTimestamp(2);
                if (first != null) {
                    oldest = Duration.between(first.toInstant(), clock.instant());
                }
            }
            try (ResultSet result = statement.executeQuery("SELECT COUNT(*) FROM " + settings.table()
                    + " WHERE failed_at IS NOT NULL")) {
                result.next();
                stats = new Stats(waiting, oldest.isNegative() ? Duration.ZERO : oldest, result.getLong(1));
            }
        }
        statsAt = clock.instant();
    }

    private boolean exists(Connection db) throws SQLException {
        for (String name : List.of(settings.table(), settings.table().toUpperCase(Locale.ROOT),
                settings.table().toLowerCase(Locale.ROOT))) {
            try (ResultSet tables = db.getMetaData().getTables(null, null, name, new String[] {"TABLE"})) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }

    private void linkUp() {
        reachable = true;
        if (warned.getAndSet(false)) {
            HeraldLog.outboxReachableAgain(connection);
        }
    }

    private void linkDown(SQLException e) {
        reachable = false;
        if (!warned.getAndSet(true)) {
            HeraldLog.outboxUnreachable(connection, e.getMessage());
        }
    }

    private void sleepQuietly() {
        try {
            background.sleeper().sleep(settings.pollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    private static List<String> channels(String json) {
        List<String> channels = new ArrayList<>();
        for (JsonElement channel : JsonParser.parseString(json).getAsJsonArray()) {
            channels.add(channel.getAsString());
        }
        return channels;
    }

    /** A claimed row: {@code attempts} counts its claims, this one included. */
    private record Row(long id, OutboundEvent event, int attempts, Instant createdAt) {
    }
}
