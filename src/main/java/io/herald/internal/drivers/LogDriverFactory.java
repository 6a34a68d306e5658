package io.herald.internal.drivers;

import io.herald.internal.HeraldLog;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;

/** Driver {@code log}: writes each event to the log (logger {@code io.herald}, level INFO) instead of sending it. */
@ApplicationScoped
public class LogDriverFactory implements BroadcastDriverFactory {

    @Override
    public String name() {
        return "log";
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        String connection = config.connection();
        return new BroadcastDriver() {
            @Override
            public void send(OutboundEvent event) {
                HeraldLog.logDriverSend(connection, event.name(), event.channels(), event.data(), event.socketId());
            }

            @Override
            public void terminateUserConnections(String userId) {
                HeraldLog.logDriverSend(connection, "terminate_connections", "user " + userId, "{}", null);
            }
        };
    }
}
