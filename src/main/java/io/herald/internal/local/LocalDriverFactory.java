package io.herald.internal.local;

import com.google.gson.JsonObject;
import com.pusher.rest.crypto.CryptoUtil;
import com.pusher.rest.data.EncryptedMessage;
import io.herald.ChannelType;
import io.herald.internal.HeraldMessages;
import io.herald.internal.background.Background;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.cluster.ClusterUnavailable;
import io.herald.internal.hooks.ChannelEventPublisher;
import io.herald.internal.hooks.ChannelEventPublishers;
import io.herald.internal.hooks.ChannelEventRecords;
import io.herald.internal.hooks.OutgoingWebhooks;
import io.herald.internal.hooks.WebhookSender;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.RetryableBroadcastException;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.observability.Observability;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import io.herald.spi.OutboundEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Driver {@code local}: the application serves Pusher's protocol itself, at {@code /app/{key}} (WebSocket) and
 * {@code apps/{app-id}/...} (REST, under the JAX-RS application path), and delivers its broadcasts in-process.
 */
@ApplicationScoped
public class LocalDriverFactory implements BroadcastDriverFactory {

    @Inject
    LocalServer server;

    @Inject
    ChannelEventPublishers channelEvents;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("app-id", "client|key", "secret");
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
    public void checkSettings(ConnectionConfig config) {
        LocalSettings settings = LocalSettings.from(config);
        ClusterSettings.from(config, settings.appId());
        OutgoingWebhooks.from(config);
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        LocalSettings settings = LocalSettings.from(config);
        ClusterSettings cluster = ClusterSettings.from(config, settings.appId());
        Background background = Background.system();
        LocalServerMetrics metrics = Observability.localServerMetrics(config.connection());
        OutgoingWebhooks webhooks = OutgoingWebhooks.from(config);
        ChannelEventPublisher observers = channelEvents.forConnection(config.connection());
        Optional<WebhookSender> sender = webhooks.urls().isEmpty() ? Optional.empty()
                : Optional.of(new WebhookSender(config.connection(), settings.key(), settings.secret(), webhooks, metrics,
                        background));
        LocalApp app;
        try {
            app = server.register(settings, metrics, cluster, new ChannelEventRecords(config.connection(),
                    background.clock(), event -> {
                        observers.publish(event);
                        sender.ifPresent(webhook -> webhook.accept(event));
                    }), background);
        } catch (RuntimeException e) {
            sender.ifPresent(WebhookSender::close);
            throw e;
        }
        Optional<CryptoUtil> crypto = config.get("encryption-master-key").map(CryptoUtil::new);
        return new BroadcastDriver() {
            @Override
            public void send(OutboundEvent event) {
                try {
                    publish(event);
                } catch (ClusterUnavailable e) {
                    throw new RetryableBroadcastException(config.connection(), event.channels(), event.name(),
                            e.getMessage(), e, Optional.empty());
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

            @Override
            public void terminateUserConnections(String userId) {
                try {
                    app.terminate(userId);
                } catch (ClusterUnavailable e) {
                    throw new RetryableBroadcastException(config.connection(),
                            List.of(PusherProtocol.SERVER_TO_USER_PREFIX + userId), "terminate_connections",
                            e.getMessage(), e, Optional.empty());
                }
            }

            @Override
            public boolean isReady() {
                return app.fanout().isReady();
            }

            @Override
            public void close() {
                server.unregister(app);
                sender.ifPresent(WebhookSender::close);
            }
        };
    }
}
