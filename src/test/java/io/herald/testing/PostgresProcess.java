package io.herald.testing;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import org.postgresql.ds.PGSimpleDataSource;

/**
 * A private PostgreSQL server (Debian's {@code postgresql} package) for one test class: a new cluster in a temporary
 * directory ({@code initdb}), on a free port on loopback, no password (trust on loopback), stopped and deleted at the
 * end. PostgreSQL refuses to run as root, so as root it runs as the package's {@code postgres} user.
 *
 * <pre>{@code
 * try (PostgresProcess postgres = PostgresProcess.start()) {
 *     DataSource dataSource = postgres.dataSource();
 * }
 * }</pre>
 */
public final class PostgresProcess implements AutoCloseable {
    private final Path bin;
    private final Path directory;
    private final int port;
    private final boolean asPostgresUser;

    private PostgresProcess(Path bin, Path directory, int port, boolean asPostgresUser) {
        this.bin = bin;
        this.directory = directory;
        this.port = port;
        this.asPostgresUser = asPostgresUser;
    }

    public static PostgresProcess start() throws IOException, InterruptedException {
        Path bin = binaries();
        Path directory = Files.createTempDirectory("herald-postgres");
        boolean root = "root".equals(System.getProperty("user.name"));
        if (root) {
            run(List.of("chown", "-R", "postgres:postgres", directory.toString()));
        }
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        PostgresProcess postgres = new PostgresProcess(bin, directory, port, root);
        Path data = directory.resolve("data");
        run(postgres.command(bin.resolve("initdb").toString(), "-D", data.toString(), "-U", "herald",
                "--auth=trust", "-E", "UTF8", "--no-sync"));
        run(postgres.command(bin.resolve("pg_ctl").toString(), "-D", data.toString(), "-l",
                directory.resolve("server.log").toString(), "-w", "-t", "60", "-o",
                "-p " + port + " -h 127.0.0.1 -k " + directory + " -c fsync=off", "start"));
        return postgres;
    }

    /** A data source on the {@code postgres} database as user {@code herald}. */
    public PGSimpleDataSource dataSource() {
        PGSimpleDataSource dataSource = new PGSimpleDataSource();
        dataSource.setServerNames(new String[] {"127.0.0.1"});
        dataSource.setPortNumbers(new int[] {port});
        dataSource.setDatabaseName("postgres");
        dataSource.setUser("herald");
        return dataSource;
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://127.0.0.1:" + port + "/postgres?user=herald";
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run(command(bin.resolve("pg_ctl").toString(), "-D", directory.resolve("data").toString(), "-m", "immediate",
                "-w", "stop"));
        try (Stream<Path> paths = Files.walk(directory)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        }
    }

    private List<String> command(String... arguments) {
        List<String> command = new ArrayList<>();
        if (asPostgresUser) {
            command.addAll(List.of("runuser", "-u", "postgres", "--"));
        }
        command.addAll(List.of(arguments));
        return command;
    }

    private static void run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes());
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }

    // Debian keeps the server's programs off the PATH, under /usr/lib/postgresql/<version>/bin.
    private static Path binaries() throws IOException {
        Path root = Path.of("/usr/lib/postgresql");
        if (Files.isDirectory(root)) {
            try (Stream<Path> versions = Files.list(root)) {
                var found = versions.map(version -> version.resolve("bin"))
                        .filter(bin -> Files.isExecutable(bin.resolve("initdb")))
                        .max(Comparator.comparing(Path::toString));
                if (found.isPresent()) {
                    return found.get();
                }
            }
        }
        throw new IllegalStateException("PostgreSQL's server is not installed (Debian: apt-get install postgresql)");
    }

    @Override
    public String toString() {
        return "PostgreSQL on port " + port + " in " + directory;
    }
}
