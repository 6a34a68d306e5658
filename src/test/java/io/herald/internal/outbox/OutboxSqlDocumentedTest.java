package io.herald.internal.outbox;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.readme.ReadmeTest;
import io.herald.readme.ReadmeTest.Block;
import io.herald.testing.PostgresProcess;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The outbox's SQL in the guide (docs/delivery.md), as a reader pastes it: the table is the one Herald creates on PostgreSQL, and the
 * statements that find and replay failed rows run against it on a real PostgreSQL.
 */
class OutboxSqlDocumentedTest {

    @Test
    void theDocumentedTableIsTheOneHeraldCreates() throws Exception {
        Block table = documented().stream().filter(block -> block.text().contains("CREATE TABLE")).findFirst()
                .orElseThrow();

        assertThat(normalised(table.text())).as(table.where())
                .isEqualTo(normalised(OutboxDialect.POSTGRESQL.createTable("herald_outbox")));
    }

    @Test
    void everyDocumentedStatementRunsOnPostgreSql() throws Exception {
        try (PostgresProcess postgres = PostgresProcess.start();
                Connection connection = postgres.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            statement.execute(OutboxDialect.POSTGRESQL.createTable("herald_outbox"));
            for (Block block : documented()) {
                if (block.text().contains("CREATE TABLE")) {
                    continue;
                }
                for (String sql : block.text().split(";")) {
                    if (!sql.isBlank()) {
                        statement.execute(sql);
                    }
                }
            }
        }
    }

    private static List<Block> documented() throws Exception {
        List<Block> sql = ReadmeTest.blocks("sql");
        assertThat(sql).isNotEmpty();
        return sql;
    }

    private static String normalised(String sql) {
        return sql.replaceAll("\\s+", " ").replaceAll("\\s*([(),;])\\s*", "$1").replaceAll(";$", "").trim();
    }
}
