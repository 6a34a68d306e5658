package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.config.SettingsProblems;
import io.herald.internal.observability.Observability;
import io.herald.internal.observability.ReadinessSource;
import io.herald.internal.outbox.JdbcOutbox;
import io.herald.internal.outbox.OutboxSettings;
import io.herald.internal.signing.ChannelSigner;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import io.herald.spi.OutboundEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import javax.naming.InitialContext;
import javax.naming.NamingException;
import javax.sql.DataSource;

/**
 * The application's connections, from {@code broadcast.<name>.*}. Every configured connection is opened at startup,
 * so that a missing setting fails the deployment instead of the first broadcast (and local servers are listening);
 * a connection named only in code is opened on first use.
 *
 * <pre>{@code
 * connections.byDefault().send(event);
 * connections.named("pusher").submit(event, fired);
 * }</pre>
 */
@ApplicationScoped
public class Connections implements ReadinessSource {
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    @Inject
    @Any
    Instance<BroadcastDriverFactory> factories;

    @Inject
    BroadcastFailures failures;

    // Tests put time, sleeping, chance and threads in their own hands through a bean of this type.
    @Inject
    Instance<EngineEnvironment> environments;

    @Inject
    @Any
    Instance<DataSource> dataSources;

    private HeraldSettings settings;
    private volatile boolean started;
    private boolean closed;

    @PostConstruct
    void readSettings() {
        settings = HeraldSettings.fromMicroProfileConfig();
    }

    // Before any other observer of Startup reads a setting, so that a deployment fails once, naming every problem.
    void checkSettingsAtStartup(@Observes @Priority(Interceptor.Priority.PLATFORM_BEFORE) Startup startup) {
        checkSettings();
    }

    void openConfiguredAtStartup(@Observes Startup startup) {
        settings.configuredConnections().forEach(this::named);
        started = true;
    }

    /**
     * Reads every setting of every configured connection, and Herald's own, before any connection opens: a deployment
     * with bad settings fails once, naming every problem.
     *
     * @throws IllegalStateException with every problem found
     */
    void checkSettings() {
        SettingsProblems problems = new SettingsProblems();
        settings.checkOwnSettings(problems);
        for (String name : settings.configuredConnections()) {
            ConnectionConfig config = settings.checkedConnection(name, problems);
            if (config.get("driver").isEmpty() && name.equals(settings.defaultConnection())
                    && !settings.anyBroadcastSetting()) {
                throw HeraldMessages.nothingConfigured(name);
            }
            Optional<BroadcastDriverFactory> factory = factory(config.requireAny("driver"), config, problems);
            checked(problems, () -> DeliverySettings.from(config));
            checked(problems, () -> OutboxSettings.from(config));
            factory.ifPresent(driver -> {
                driver.requiredSettings().forEach(required -> config.requireAny(required.split("\\|")));
                checked(problems, () -> driver.checkSettings(config));
            });
        }
        problems.throwIfAny();
    }

    private Optional<BroadcastDriverFactory> factory(String driverName, ConnectionConfig config,
            SettingsProblems problems) {
        if (driverName.isEmpty()) {
            return Optional.empty();
        }
        Optional<BroadcastDriverFactory> found = factories.stream()
                .filter(candidate -> candidate.name().equals(driverName)).findFirst();
        if (found.isEmpty()) {
            problems.add(HeraldMessages.unknownDriver(config.property("driver"), driverName, knownDrivers()));
        }
        return found;
    }

    // A reader that throws instead of noting (a driver of an application's own, Lettuce missing) adds its problem.
    private static void checked(SettingsProblems problems, Runnable read) {
        try {
            read.run();
        } catch (IllegalStateException | IllegalArgumentException e) {
            problems.add(e);
        }
    }

    public HeraldSettings settings() {
        return settings;
    }

    public Connection byDefault() {
        return named(settings.defaultConnection());
    }

    /**
     * Whether the configured connections opened (a deployment whose broadcasting failed to start is not ready), then
     * each opened connection's queue: up while it takes events, with its depth.
     */
    @Override
    public List<ReadinessSource.Part> readinessParts() {
        List<ReadinessSource.Part> parts = new ArrayList<>();
        parts.add(new ReadinessSource.Part("startup", started, Map.of()));
        open.values().forEach(connection -> parts.add(new ReadinessSource.Part(connection.name() + ".queue",
                connection.isAccepting() && !connection.queueFull(),
                Map.of(connection.name() + ".queue-depth", (long) connection.queueDepth()))));
        open.values().forEach(connection -> parts.add(new ReadinessSource.Part(connection.name() + ".driver",
                connection.driverReady(), Map.of())));
        open.values().forEach(connection -> connection.outbox().ifPresent(outbox -> parts.add(new ReadinessSource.Part(
                connection.name() + ".outbox", outbox.reachable(), Map.of(
                        connection.name() + ".outbox-waiting", outbox.stats().waiting(),
                        connection.name() + ".outbox-oldest-seconds", outbox.stats().oldest().toSeconds(),
                        connection.name() + ".outbox-failed", outbox.stats().failed())))));
        return parts;
    }

    /**
     * The connection {@code name}, opened now if it was not yet.
     *
     * @throws IllegalStateException once the application is stopping: a connection opened then would never be closed
     */
    public Connection named(String name) {
        Connection connection = open.get(name);
        if (connection != null) {
            return connection;
        }
        synchronized (open) {
            if (closed) {
                throw HeraldMessages.stopping(name);
            }
            return open.computeIfAbsent(name, this::openConnection);
        }
    }

    private Connection openConnection(String name) {
        ConnectionConfig config = settings.connection(name);
        if (config.get("driver").isEmpty() && name.equals(settings.defaultConnection()) && !settings.anyBroadcastSetting()) {
            throw HeraldMessages.nothingConfigured(name);
        }
        String driverName = config.require("driver");
        BroadcastDriverFactory factory = factories.stream()
                .filter(candidate -> candidate.name().equals(driverName))
                .findFirst()
                .orElseThrow(() -> HeraldMessages.unknownDriver(config.property("driver"), driverName, knownDrivers()));
        requireSettings(config, factory.requiredSettings());
        BroadcastDriver driver = factory.create(config);
        DeliverySettings delivery = DeliverySettings.from(config);
        Connection.Identity identity = new Connection.Identity(name, driverName);
        SenderThreads threads;
        EngineEnvironment environment;
        if (environments.isResolvable()) {
            environment = environments.get();
            threads = new SenderThreads(environment.senders(), "the application's EngineEnvironment", false);
        } else {
            threads = SenderThreads.find(name);
            environment = EngineEnvironment.system(threads.executor());
        }
        HeraldLog.connectionOpened(name, driverName, threads.source());
        DeliveryEngine engine = new DeliveryEngine(identity, driver, delivery,
                (pending, failure) -> failures.undelivered(failure, pending.payload()),
                Observability.metrics(name, driverName), Observability.tracing(), environment);
        Optional<JdbcOutbox> outbox = OutboxSettings.from(config).map(settings -> new JdbcOutbox(name,
                dataSource(name, settings), settings, new OutboxSender(engine, failures), environment.background()));
        outbox.ifPresent(JdbcOutbox::start);
        outbox.ifPresent(store -> Observability.outboxGauges(name, () -> store.stats().waiting(),
                () -> store.stats().oldest().toSeconds(), () -> store.stats().failed()));
        return new Connection(identity, driver, ChannelSigner.of(config), engine, threads,
                DeliveryMode.of(delivery, outbox.map(JdbcOutbox::settings)), outbox);
    }

    /** An outbox's rows go through the connection's engine; the outbox reports the rows it gives up on. */
    private record OutboxSender(DeliveryEngine engine, BroadcastFailures failures) implements JdbcOutbox.Sender {
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
    private DataSource dataSource(String connection, OutboxSettings settings) {
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

    // Every missing setting in one message, so that a deployment is not failed once for each.
    private static void requireSettings(ConnectionConfig config, List<String> required) {
        List<String> missing = new ArrayList<>();
        for (String setting : required) {
            List<String> alternatives = List.of(setting.split("\\|"));
            if (alternatives.stream().allMatch(key -> config.get(key).isEmpty())) {
                missing.add(String.join("|", alternatives.stream().map(config::property).toList()));
            }
        }
        if (!missing.isEmpty()) {
            throw HeraldMessages.missingProperties(missing);
        }
    }

    private TreeSet<String> knownDrivers() {
        TreeSet<String> known = new TreeSet<>();
        factories.forEach(factory -> known.add(factory.name()));
        return known;
    }

    // While beans are still alive, so that what cannot be sent in time is still reported as BroadcastFailed.
    void drainAtShutdown(@Observes Shutdown shutdown) {
        closeAll();
    }

    @PreDestroy
    void closeAll() {
        List<Connection> closing;
        synchronized (open) {
            closed = true;
            closing = List.copyOf(open.values());
            open.clear();
        }
        closing.forEach(Connection::close);
    }
}
