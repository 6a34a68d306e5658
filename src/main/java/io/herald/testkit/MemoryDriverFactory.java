package io.herald.testkit;

import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Driver {@code memory}: records every event in {@link RecordedBroadcasts} instead of sending it, for an
 * application's tests.
 *
 * <pre>{@code
 * broadcast.default=test
 * broadcast.test.driver=memory
 * broadcast.test.max-recorded=50000   # kept at most (default 10,000), the oldest dropped
 * }</pre>
 */
@ApplicationScoped
public class MemoryDriverFactory implements BroadcastDriverFactory {

    @Inject
    RecordedBroadcasts recorded;

    @Override
    public String name() {
        return "memory";
    }

    @Override
    public void checkSettings(ConnectionConfig config) {
        maxRecorded(config);
    }

    private static int maxRecorded(ConnectionConfig config) {
        return config.getInt("max-recorded", RecordedBroadcasts.DEFAULT_MAX_RECORDED, 1, 10_000_000);
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        String connection = config.connection();
        recorded.keepAtLeast(maxRecorded(config));
        return new BroadcastDriver() {
            @Override
            public void send(OutboundEvent event) {
                recorded.record(new RecordedBroadcast(connection, event.channels(), event.name(), event.data(),
                        event.socketId()));
            }

            @Override
            public void terminateUserConnections(String userId) {
                // no connections to close
            }
        };
    }
}
