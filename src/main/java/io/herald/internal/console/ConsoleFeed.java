package io.herald.internal.console;

import io.herald.BroadcastFailed;
import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.ChannelVacated;
import io.herald.events.ClientEventReceived;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.internal.background.Background;
import io.herald.internal.config.ConsoleSettings;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.local.LocalOverview;
import io.herald.internal.observability.WebhookActivity;
import io.herald.internal.protocol.Json;
import io.herald.internal.protocol.PusherProtocol;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * The console's live log: bounded ({@code broadcast.console.log-size}), sampled above
 * {@code broadcast.console.max-entries-per-second}, and empty while no console is open, so that a closed console
 * costs one check per broadcast. It is open while a page is subscribed to the console's channel anywhere in the
 * cluster (asked of the {@code local} server at most once a second), or has asked for the state in the last
 * {@value #POLL_LEASE_SECONDS} seconds (a page without a {@code local} connection polls). Each entry is also published
 * live on that channel, straight through the {@code local} server, so the feed never shows or counts itself.
 */
@ApplicationScoped
class ConsoleFeed {
    static final int POLL_LEASE_SECONDS = 5;
    static final String ENTRY_EVENT = "entry";

    @Inject
    LocalOverview overview;

    // Time comes from here, so that the lease and the rate are exact in tests.
    Background background = Background.system();

    private ConsoleSettings settings;
    private Optional<String> liveConnection = Optional.empty();
    private Optional<String> liveAppId = Optional.empty();
    private final String instance = UUID.randomUUID().toString().substring(0, 8);

    private final Deque<ConsoleEntry> log = new ArrayDeque<>();
    private volatile long polledUntil;
    private volatile long subscribersCheckedAt;
    private volatile boolean subscribersChecked;
    private volatile boolean subscribed;
    private long second;
    private int inSecond;
    private long sampledOut;

    /** A feed with these parts, as the container would make it (for tests of time and rate). */
    static ConsoleFeed of(ConsoleSettings settings, LocalOverview overview, Background background,
            Optional<String> liveAppId) {
        ConsoleFeed feed = new ConsoleFeed();
        feed.settings = settings;
        feed.overview = overview;
        feed.background = background;
        feed.liveAppId = liveAppId;
        return feed;
    }

    @PostConstruct
    void readSettings() {
        HeraldSettings herald = HeraldSettings.fromMicroProfileConfig();
        settings = herald.console();
        liveConnection = liveConnection(herald);
        liveAppId = liveConnection.map(name -> herald.connection(name).require("app-id"));
    }

    // The named connection, else the default one when it is local, else the first local one.
    private Optional<String> liveConnection(HeraldSettings herald) {
        if (settings.connection().isPresent()) {
            return settings.connection();
        }
        List<String> local = herald.configuredConnections().stream().sorted()
                .filter(name -> herald.connection(name).get("driver").orElse("").equals("local")).toList();
        return local.contains(herald.defaultConnection()) ? Optional.of(herald.defaultConnection())
                : local.stream().findFirst();
    }

    ConsoleSettings settings() {
        return settings;
    }

    Background background() {
        return background;
    }

    /** The {@code local} connection that carries the live feed, if there is one. */
    Optional<String> liveConnection() {
        return liveConnection;
    }

    /** The app id of the {@code local} connection that carries the live feed, if there is one. */
    Optional<String> liveAppId() {
        return liveAppId;
    }

    /** Whether a console page is open: only then is anything recorded. */
    boolean open() {
        if (!settings.enabled()) {
            return false;
        }
        long now = background.ticker().nanos();
        if (now < polledUntil) {
            return true;
        }
        if (liveAppId.isEmpty()) {
            return false;
        }
        if (!subscribersChecked || now - subscribersCheckedAt >= TimeUnit.SECONDS.toNanos(1)) {
            subscribersCheckedAt = now;
            subscribersChecked = true;
            subscribed = overview.subscriptions(liveAppId.get(), PusherProtocol.CONSOLE_CHANNEL) > 0;
        }
        return subscribed;
    }

    /** A page asked for the state: it counts as open for a while, and a page just opened sees its own feed. */
    void polled() {
        polledUntil = background.ticker().nanos() + TimeUnit.SECONDS.toNanos(POLL_LEASE_SECONDS);
        subscribersChecked = false;
    }

    /** Records an entry, when a console is open and the rate allows. */
    void record(String kind, String connection, List<String> channels, String event, String detail) {
        if (!open() || channels.contains(PusherProtocol.CONSOLE_CHANNEL)) {
            return;
        }
        ConsoleEntry entry = new ConsoleEntry(background.clock().millis(), kind, connection, channels, event, detail,
                instance);
        synchronized (log) {
            long now = TimeUnit.NANOSECONDS.toSeconds(background.ticker().nanos());
            if (now != second) {
                second = now;
                inSecond = 0;
            }
            if (++inSecond > settings.maxEntriesPerSecond()) {
                sampledOut++;
                return;
            }
            log.addLast(entry);
            while (log.size() > settings.logSize()) {
                log.removeFirst();
            }
        }
        liveAppId.ifPresent(appId -> overview.publish(appId, PusherProtocol.CONSOLE_CHANNEL, ENTRY_EVENT,
                Json.write(entry)));
    }

    /** The log, oldest first. */
    List<ConsoleEntry> entries() {
        synchronized (log) {
            return new ArrayList<>(log);
        }
    }

    /** Entries left out because they came faster than {@code max-entries-per-second}. */
    long sampledOut() {
        synchronized (log) {
            return sampledOut;
        }
    }

    String instance() {
        return instance;
    }

    // What the application was told as BroadcastFailed: also failures before any delivery (an entity without an id).
    void failed(@Observes BroadcastFailed failed) {
        if (open()) {
            record("broadcast-failed", failed.connection(), failed.channels(), failed.event(), failed.cause().reason());
        }
    }

    void happened(@Observes ChannelEvent event) {
        if (!open()) {
            return;
        }
        if (event instanceof ClientEventReceived client) {
            record("client-event", event.connection(), List.of(event.channel()), client.event(), client.data());
        } else if (event instanceof MemberAdded added) {
            record("member-added", event.connection(), List.of(event.channel()), added.userId(), "");
        } else if (event instanceof MemberRemoved removed) {
            record("member-removed", event.connection(), List.of(event.channel()), removed.userId(), "");
        } else if (event instanceof ChannelOccupied) {
            record("occupied", event.connection(), List.of(event.channel()), "", "");
        } else if (event instanceof ChannelVacated) {
            record("vacated", event.connection(), List.of(event.channel()), "", "");
        }
    }

    void webhook(@Observes WebhookActivity webhook) {
        if (open()) {
            record(webhook.received() ? "webhook-received" : "webhook-sent", webhook.connection(), List.of(),
                    webhook.events() + " event(s) " + (webhook.received() ? "from " : "to ") + webhook.peer(),
                    webhook.outcome());
        }
    }

    /** What an action did and who did it. */
    void action(String who, String what, String connection, List<String> channels) {
        if (open()) {
            record("action", connection, channels, what, "by " + who);
        }
    }

    /** The state a page shows, as JSON-ready maps. */
    Map<String, Object> summary() {
        return Map.of("instance", instance, "sampledOut", sampledOut(), "maxEntriesPerSecond",
                settings.maxEntriesPerSecond(), "logSize", settings.logSize());
    }
}
