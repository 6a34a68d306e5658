package io.herald.internal.delivery;

import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.config.SettingsProblems;
import io.herald.internal.observability.BroadcastTracing;
import io.herald.internal.observability.Observability;
import io.herald.internal.observability.ReadinessSource;
import io.herald.internal.outbox.JdbcOutbox;
import io.herald.internal.outbox.OutboxSettings;
import io.herald.internal.signing.ChannelSigner;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
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
import java.util.concurrent.ConcurrentHashMap;
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
public class ConfiguredConnections implements ReadinessSource {
    private final Map<String, ConfiguredConnection> open = new ConcurrentHashMap<>();

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

    // Herald's console watches every broadcast through this, when it is in the application.
    @Inject
    Instance<BroadcastTracing> watchers;

    private HeraldSettings settings;
    private volatile boolean started;
    private boolean closed;

    private DriverFactories drivers;

    private BroadcastTracing watcher() {
        return watchers.isResolvable() ? watchers.get() : BroadcastTracing.NONE;
    }

    @PostConstruct
    void readSettings() {
        settings = HeraldSettings.fromMicroProfileConfig();
        drivers = new DriverFactories(factories, settings);
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
            Optional<BroadcastDriverFactory> factory = drivers.check(name, config, problems);
            checked(problems, () -> DeliverySettings.from(config));
            checked(problems, () -> OutboxSettings.from(config));
            factory.ifPresent(driver -> checked(problems, () -> driver.checkSettings(config)));
        }
        problems.throwIfAny();
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

    public ConfiguredConnection byDefault() {
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
    public ConfiguredConnection named(String name) {
        ConfiguredConnection connection = open.get(name);
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

    // Finds the driver, the engine's time and threads, and the outbox: each connection's delivery mode is decided here.
    private ConfiguredConnection openConnection(String name) {
        ConnectionConfig config = settings.connection(name);
        BroadcastDriverFactory factory = drivers.require(name, config);
        BroadcastDriver driver = factory.create(config);
        DeliverySettings delivery = DeliverySettings.from(config);
        ConfiguredConnection.Identity identity = new ConfiguredConnection.Identity(name, factory.name());
        ConnectionThreads threads = ConnectionThreads.choose(environments, name);
        HeraldLog.connectionOpened(name, factory.name(), threads.threads().source());
        DeliveryEngine engine = new DeliveryEngine(identity, driver, delivery,
                (pending, failure) -> failures.undelivered(failure, pending.payload()),
                Observability.metrics(name, factory.name()), BroadcastTracing.both(Observability.tracing(), watcher()),
                threads.environment());
        Optional<JdbcOutbox> outbox = OutboxSettings.from(config).map(outboxSettings -> ConnectionOutbox.open(name,
                outboxSettings, engine, failures, dataSources, threads.environment().background()));
        return new ConfiguredConnection(identity, driver, ChannelSigner.of(config), engine, threads.threads(),
                DeliveryMode.of(delivery, outbox.map(JdbcOutbox::settings)), outbox);
    }

    // While beans are still alive, so that what cannot be sent in time is still reported as BroadcastFailed.
    void drainAtShutdown(@Observes Shutdown shutdown) {
        closeAll();
    }

    @PreDestroy
    void closeAll() {
        List<ConfiguredConnection> closing;
        synchronized (open) {
            closed = true;
            closing = List.copyOf(open.values());
            open.clear();
        }
        closing.forEach(ConfiguredConnection::close);
    }
}
