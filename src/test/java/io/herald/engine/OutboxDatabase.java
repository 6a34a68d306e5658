package io.herald.engine;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.UUID;
import javax.sql.DataSource;
import org.h2.jdbcx.JdbcDataSource;

/** The application's data source: H2 in file mode, a new database for every container, in a temporary directory. */
@Singleton
public class OutboxDatabase {
    private static final Path DIRECTORY;

    static {
        try {
            DIRECTORY = Files.createTempDirectory("herald-outbox-h2");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final JdbcDataSource dataSource = new JdbcDataSource();
    private volatile boolean down;

    public OutboxDatabase() {
        dataSource.setURL("jdbc:h2:file:" + DIRECTORY.resolve(UUID.randomUUID().toString()));
    }

    /** The application's data source, which fails while {@link #goDown()} is in effect, as one whose server is gone. */
    @Produces
    @Singleton
    DataSource dataSource() {
        return (DataSource) Proxy.newProxyInstance(DataSource.class.getClassLoader(), new Class<?>[] {DataSource.class},
                (proxy, method, arguments) -> {
                    if (down && method.getName().equals("getConnection")) {
                        throw new SQLException("Connection refused: the database is down");
                    }
                    try {
                        return method.invoke(dataSource, arguments);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    public void goDown() {
        down = true;
    }

    public void comeBack() {
        down = false;
    }

    /** The first column of the first row of {@code query}, as text (null when there is no row). */
    public String single(String query) throws SQLException {
        try (Connection db = dataSource.getConnection(); Statement statement = db.createStatement();
                ResultSet rows = statement.executeQuery(query)) {
            return rows.next() ? rows.getString(1) : null;
        }
    }

    /** The count {@code query} answers, its parameters bound in order. */
    public long count(String query, Object... parameters) throws SQLException {
        try (Connection db = dataSource.getConnection(); java.sql.PreparedStatement statement = db.prepareStatement(query)) {
            for (int i = 0; i < parameters.length; i++) {
                statement.setObject(i + 1, parameters[i]);
            }
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }
}
