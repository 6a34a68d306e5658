package io.herald.internal.local;

import com.google.gson.JsonObject;
import com.pusher.rest.crypto.CryptoUtil;
import com.pusher.rest.data.EncryptedMessage;
import io.herald.ChannelType;
import io.herald.internal.HeraldMessages;
import io.herald.internal.cluster.ClusterUnavailable;
import io.herald.internal.hooks.WebhookSender;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.OutboundEvent;
import io.herald.spi.RetryableBroadcastException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Driver {@code local}: publishes into the application's own Pusher-protocol server ({@link LocalApp}), encrypting
 * {@code private-encrypted-} channels as a Pusher server library would; a cluster that cannot be reached is a failure
 * worth retrying. Closing it leaves the cluster and closes the app's connections (or hands them over in a live
 * reload).
 *
 * <pre>{@code
 * BroadcastDriver driver = new LocalDriver("local", server, app, Optional.empty(), Optional.empty());
 * driver.send(new OutboundEvent(List.of("orders"), "OrderShipped", "{\"id\":7}", null));
 * }</pre>
 */
final class LocalDriver implements BroadcastDriver {
    private final String connection;
    private final LocalServer server;
    private final LocalApp app;
    private final Optional<CryptoUtil> crypto;
    private final Optional<WebhookSender> webhooks;

    LocalDriver(String connection, LocalServer server, LocalApp app, Optional<CryptoUtil> crypto,
            Optional<WebhookSender> webhooks) {
        this.connection = connection;
        this.server = server;
        this.app = app;
        this.crypto = crypto;
        this.webhooks = webhooks;
    }

    @Override
    public void send(OutboundEvent event) {
        try {
            publish(event);
        } catch (ClusterUnavailable e) {
            throw new RetryableBroadcastException(connection, event.channels(), event.name(), e.getMessage(), e,
                    Optional.empty());
        }
    }

    private void publish(OutboundEvent event) {
        app.metrics().published(LocalServerMetrics.Source.APPLICATION);
        List<String> plain = new ArrayList<>();
        for (String channel : event.channels()) {
            if (ChannelType.of(channel) == ChannelType.ENCRYPTED_PRIVATE) {
                app.publish(encrypted(event, channel, crypto.orElseThrow(
                        () -> HeraldMessages.encryptedWithoutMasterKey(channel))));
            } else {
                plain.add(channel);
            }
        }
        if (!plain.isEmpty()) {
            app.publish(event.withChannels(plain));
        }
    }

    // The server is the publisher here, so it encrypts as a Pusher server library would before Pusher relays.
    private static OutboundEvent encrypted(OutboundEvent event, String channel, CryptoUtil crypto) {
        EncryptedMessage message = crypto.encrypt(channel, event.data().getBytes(StandardCharsets.UTF_8));
        JsonObject data = new JsonObject();
        data.addProperty("nonce", message.getNonce());
        data.addProperty("ciphertext", message.getCiphertext());
        return new OutboundEvent(List.of(channel), event.name(), data.toString(), event.socketId());
    }

    @Override
    public void terminateUserConnections(String userId) {
        try {
            app.terminate(userId);
        } catch (ClusterUnavailable e) {
            throw new RetryableBroadcastException(connection, List.of(PusherProtocol.SERVER_TO_USER_PREFIX + userId),
                    "terminate_connections", e.getMessage(), e, Optional.empty());
        }
    }

    @Override
    public boolean isReady() {
        return app.fanout().isReady();
    }

    @Override
    public void close() {
        server.unregister(app);
        webhooks.ifPresent(WebhookSender::close);
    }
}
