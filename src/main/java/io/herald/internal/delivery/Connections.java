package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.BroadcastFailed;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.observability.Observability;
import io.herald.internal.observability.ReadinessSource;
import io.herald.internal.signing.ChannelSigner;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Shutdown;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The application's connections, from {@code broadcast.<name>.*}. Every configured connection is opened at startup,
 * so that a missing setting fails the deployment instead of the first broadcast (and local servers are listening);
 * a connection named only in code is opened on first use.
 */
@ApplicationScoped
public class Connections implements ReadinessSource {
    private final Map<String, Connection> open = new ConcurrentHashMap<>();

    @Inject
    @Any
    Instance<BroadcastDriverFactory> factories;

    @Inject
    Event<BroadcastFailed> failures;

    private HeraldSettings settings;
    private String defaultName;
    private boolean privateChannelsRequireUser;

    @PostConstruct
    void readSettings() {
        settings = HeraldSettings.fromMicroProfileConfig();
        defaultName = settings.defaultConnection();
        privateChannelsRequireUser = settings.privateChannelsRequireUser();
    }

    /** {@code broadcast.private-channels.require-user}, read once at startup. */
    public boolean privateChannelsRequireUser() {
        return privateChannelsRequireUser;
    }

    void openConfiguredAtStartup(@Observes Startup startup) {
        settings.configuredConnections().forEach(this::named);
    }

    public HeraldSettings settings() {
        return settings;
    }

    public Connection byDefault() {
        return named(defaultName);
    }

    /** The connections opened so far. */
    public Collection<Connection> opened() {
        return List.copyOf(open.values());
    }

    /** Each opened connection's queue: up while it takes events, with its depth. */
    @Override
    public List<ReadinessSource.Part> readinessParts() {
        return open.values().stream().map(connection -> new ReadinessSource.Part(connection.name() + ".queue",
                connection.isAccepting() && !connection.queueFull(),
                Map.of(connection.name() + ".queue-depth", (long) connection.queueDepth()))).toList();
    }

    /** The connection {@code name}, opened now if it was not yet. */
    public Connection named(String name) {
        Connection connection = open.get(name);
        return connection != null ? connection : open.computeIfAbsent(name, this::openConnection);
    }

    private Connection openConnection(String name) {
        ConnectionConfig config = settings.connection(name);
        String driverName = config.require("driver");
        BroadcastDriverFactory factory = factories.stream()
                .filter(candidate -> candidate.name().equals(driverName))
                .findFirst()
                .orElseThrow(() -> HeraldMessages.unknownDriver(config.property("driver"), driverName, knownDrivers()));
        BroadcastDriver driver = factory.create(config);
        DeliverySettings delivery = DeliverySettings.from(config);
        DeliveryEngine engine = new DeliveryEngine(name, driver, delivery, this::reportQueuedFailure,
                Observability.metrics(name));
        return new Connection(name, driverName, driver, signer(config), engine, delivery.fireThroughQueue());
    }

    // Every queued event that could not be delivered is logged and fired as BroadcastFailed, once.
    private void reportQueuedFailure(DeliveryEngine.Pending pending, BroadcastException failure) {
        HeraldLog.queuedDeliveryFailed(failure.getMessage());
        try {
            failures.fire(new BroadcastFailed(failure.connection(), failure.channels(), failure.event(),
                    pending.payload(), failure));
        } catch (RuntimeException e) {
            HeraldLog.failureObserverFailed(e);
        }
    }

    private TreeSet<String> knownDrivers() {
        TreeSet<String> known = new TreeSet<>();
        factories.forEach(factory -> known.add(factory.name()));
        return known;
    }

    private static Optional<ChannelSigner> signer(ConnectionConfig config) {
        Optional<String> key = config.get("client").or(() -> config.get("key"));
        Optional<String> secret = config.get("secret");
        if (key.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChannelSigner(key.get(), secret.get(), masterKey(config)));
    }

    private static Optional<byte[]> masterKey(ConnectionConfig config) {
        return config.get("encryption-master-key").map(base64 -> {
            try {
                byte[] bytes = Base64.getDecoder().decode(base64);
                if (bytes.length == 32) {
                    return bytes;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw HeraldMessages.invalidProperty(config.property("encryption-master-key"), "32 bytes encoded in base64");
        });
    }

    // While beans are still alive, so that what cannot be sent in time is still reported as BroadcastFailed.
    void drainAtShutdown(@Observes Shutdown shutdown) {
        closeAll();
    }

    @PreDestroy
    void closeAll() {
        open.values().forEach(Connection::close);
        open.clear();
    }
}
