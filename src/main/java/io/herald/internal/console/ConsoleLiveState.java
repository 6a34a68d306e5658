package io.herald.internal.console;

import io.herald.internal.local.LocalOverview;
import io.herald.internal.protocol.Json;
import io.herald.internal.protocol.PusherProtocol;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the console's tables twice a second over its channel while a console is open, so that the page is live
 * without asking; while none is, each tick is one check. Runs only when the console is enabled and has a
 * {@code local} connection to speak through.
 */
@ApplicationScoped
class ConsoleLiveState {
    static final String STATE_EVENT = "state";
    // Twice a second: a change shows on an open page within a second of happening.
    static final long TICK_MS = 500;

    @Inject
    ConsoleFeed feed;

    @Inject
    ConsoleState state;

    @Inject
    LocalOverview overview;

    private ScheduledExecutorService ticks;

    void start(@Observes Startup startup) {
        if (feed.settings().enabled() && feed.liveAppId().isPresent()) {
            ticks = feed.background().scheduler("herald-console");
            ticks.scheduleWithFixedDelay(this::tick, TICK_MS, TICK_MS, TimeUnit.MILLISECONDS);
        }
    }

    void tick() {
        try {
            if (feed.open()) {
                overview.publish(feed.liveAppId().orElseThrow(), PusherProtocol.CONSOLE_CHANNEL, STATE_EVENT,
                        Json.write(state.now()));
            }
        } catch (RuntimeException e) {
            // the next tick tries again; a page that misses one state sees the next
        }
    }

    @PreDestroy
    void stop() {
        if (ticks != null) {
            ticks.shutdownNow();
        }
    }
}
