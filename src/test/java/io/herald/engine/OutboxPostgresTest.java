package io.herald.engine;

import io.herald.testing.PostgresProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outbox on a private PostgreSQL (Debian's {@code postgresql}). */
class OutboxPostgresTest extends OutboxOnServerDatabaseTest {
    private static PostgresProcess postgres;

    @BeforeAll
    static void start() throws Exception {
        postgres = PostgresProcess.start();
        use(postgres.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        postgres.close();
    }
}
