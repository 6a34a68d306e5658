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
    public BroadcastDriver create(ConnectionConfig config) {
        String connection = config.connection();
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
