package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.background.Background;
import io.herald.internal.observability.Observability;
import io.herald.internal.outbox.JdbcOutbox;
import io.herald.internal.outbox.OutboxSettings;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.inject.Instance;
import java.util.concurrent.CompletableFuture;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * Opens a connection's transactional outbox ({@code broadcast.<name>.outbox.*}): finds its data source, relays its
 * rows through the connection's engine, reports the rows it gives up on, and publishes its gauges.
 *
 * <pre>{@code
 * JdbcOutbox outbox = ConnectionOutbox.open("pusher", settings, engine, failures, dataSources, background);
 * }</pre>
 */
final class ConnectionOutbox {

    private ConnectionOutbox() {
    }

    /** The started outbox of connection {@code name}. */
    static JdbcOutbox open(String name, OutboxSettings settings, DeliveryEngine engine, BroadcastFailures failures,
            Instance<DataSource> dataSources, Background background) {
        JdbcOutbox outbox = new JdbcOutbox(name, dataSource(name, settings, dataSources), settings,
                new Relayed(engine, failures), background);
        outbox.start();
        Observability.outboxGauges(name, () -> outbox.stats().waiting(), () -> outbox.stats().oldest().toSeconds(),
                () -> outbox.stats().failed());
        return outbox;
    }

    /** An outbox's rows go through the connection's engine; the outbox reports the rows it gives up on. */
    private record Relayed(DeliveryEngine engine, BroadcastFailures failures) implements JdbcOutbox.Sender {
        @Override
        public CompletableFuture<Void> send(OutboundEvent event) {
            return engine.submitUnreported(event);
        }

        @Override
        public void giveUp(BroadcastException failure, Object payload) {
            try {
                failures.undelivered(failure, payload);
            } catch (RuntimeException | LinkageError stopped) {
                HeraldLog.failureNotReported(failure.getMessage(), stopped);
            }
        }
    }

    // The application's own DataSource bean (Quarkus's default datasource) unless one is named, else JNDI.
    private static DataSource dataSource(String connection, OutboxSettings settings, Instance<DataSource> dataSources) {
        if (settings.dataSource().isEmpty() && dataSources.isResolvable()) {
            return dataSources.get();
        }
        String name = settings.dataSource().orElse(OutboxSettings.DEFAULT_DATA_SOURCE);
        try {
            return (DataSource) new InitialContext().lookup(name);
        } catch (NamingException | RuntimeException e) {
            throw HeraldMessages.outboxDataSourceMissing(connection, name, String.valueOf(e.getMessage()));
        }
    }
}
