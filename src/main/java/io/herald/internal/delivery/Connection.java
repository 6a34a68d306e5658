package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.signing.ChannelSigner;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import java.util.List;
import java.util.Optional;

/** One configured connection: its driver, and the signer for its key and secret when it has them. */
public final class Connection {
    private final String name;
    private final String driverName;
    private final BroadcastDriver driver;
    private final Optional<ChannelSigner> signer;

    Connection(String name, String driverName, BroadcastDriver driver, Optional<ChannelSigner> signer) {
        this.name = name;
        this.driverName = driverName;
        this.driver = driver;
        this.signer = signer;
    }

    public String name() {
        return name;
    }

    /**
     * Checks the event against Pusher's limits and sends it.
     *
     * @throws BroadcastException for anything that kept the event from being delivered
     */
    public void send(OutboundEvent event) {
        try {
            EventLimits.check(event);
            driver.send(event);
        } catch (BroadcastException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BroadcastException(name, event.channels(), event.name(), String.valueOf(e.getMessage()), e);
        }
    }

    /**
     * Closes every connection signed in as {@code userId}.
     *
     * @throws BroadcastException when the driver could not
     */
    public void terminateUserConnections(String userId) {
        try {
            driver.terminateUserConnections(userId);
        } catch (BroadcastException e) {
            throw e;
        } catch (RuntimeException e) {
            throw new BroadcastException(name, List.of(UserData.serverToUserChannel(userId)), "terminate_connections",
                    String.valueOf(e.getMessage()), e);
        }
    }

    /** The signer for this connection's key and secret. */
    public ChannelSigner signer() {
        return signer.orElseThrow(() -> HeraldMessages.noCredentials(name, driverName));
    }

    void close() {
        try {
            driver.close();
        } catch (RuntimeException e) {
            HeraldLog.driverCloseFailed(name, e);
        }
    }
}
