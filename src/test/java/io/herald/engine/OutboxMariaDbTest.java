package io.herald.engine;

import io.herald.testing.MariaDbProcess;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;

/** The outbox on a private MariaDB (Debian's {@code mariadb-server}). */
class OutboxMariaDbTest extends OutboxOnServerDatabaseTest {
    private static MariaDbProcess mariadb;

    @BeforeAll
    static void start() throws Exception {
        mariadb = MariaDbProcess.start();
        use(mariadb.dataSource());
    }

    @AfterAll
    static void stop() throws Exception {
        mariadb.close();
    }
}
