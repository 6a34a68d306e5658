package io.herald.internal.drivers;

import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Driver {@code null}: accepts every event and request and sends nothing; for tests and environments without broadcasting. */
@ApplicationScoped
class NullDriverFactory implements BroadcastDriverFactory {

    @Override
    public String name() {
        return "null";
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        return new BroadcastDriver() {
            @Override
            public void send(OutboundEvent event) {
            }

            @Override
            public void terminateUserConnections(String userId) {
            }
        };
    }
}
