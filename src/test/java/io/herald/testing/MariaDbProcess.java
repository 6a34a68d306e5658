package io.herald.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.mariadb.jdbc.MariaDbDataSource;

/**
 * A private MariaDB server (Debian's {@code mariadb-server} package) for one test class: a new data directory in a
 * temporary directory, a free port on loopback, no grant tables (anyone on loopback is root), a database
 * {@code herald}; stopped and deleted at the end.
 *
 * <pre>{@code
 * try (MariaDbProcess mariadb = MariaDbProcess.start()) {
 *     DataSource dataSource = mariadb.dataSource();
 * }
 * }</pre>
 */
public final class MariaDbProcess implements AutoCloseable {
    private final Path directory;
    private final int port;
    private final Process server;

    private MariaDbProcess(Path directory, int port, Process server) {
        this.directory = directory;
        this.port = port;
        this.server = server;
    }

    public static MariaDbProcess start() throws IOException, InterruptedException, SQLException {
        Path directory = Files.createTempDirectory("herald-mariadb");
        String user = System.getProperty("user.name");
        run(List.of("mariadb-install-db", "--no-defaults", "--datadir=" + directory.resolve("data"), "--user=" + user,
                "--auth-root-authentication-method=normal", "--skip-test-db"));
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        Process server = new ProcessBuilder(new ArrayList<>(List.of("mariadbd", "--no-defaults",
                "--datadir=" + directory.resolve("data"), "--port=" + port, "--bind-address=127.0.0.1",
                "--socket=" + directory.resolve("mariadb.sock"), "--user=" + user, "--skip-grant-tables",
                "--innodb-flush-log-at-trx-commit=2")))
                .redirectErrorStream(true).start();
        MariaDbProcess mariadb = new MariaDbProcess(directory, port, server);
        ProcessOutput output = ProcessOutput.copy(server, directory.resolve("server.log"), "ready for connections");
        if (!output.awaitMarker(Duration.ofSeconds(60))) {
            String log = output.text();
            mariadb.close();
            throw new IllegalStateException("mariadbd did not start: " + log);
        }
        try (Connection db = DriverManager.getConnection("jdbc:mariadb://127.0.0.1:" + port + "/?user=root");
                Statement statement = db.createStatement()) {
            statement.execute("CREATE DATABASE herald");
        }
        return mariadb;
    }

    /** A data source on the database {@code herald}. */
    public MariaDbDataSource dataSource() throws SQLException {
        return new MariaDbDataSource("jdbc:mariadb://127.0.0.1:" + port + "/herald?user=root");
    }

    @Override
    public void close() throws IOException, InterruptedException {
        server.destroy();
        if (!server.waitFor(20, TimeUnit.SECONDS)) {
            server.destroyForcibly().waitFor();
        }
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
