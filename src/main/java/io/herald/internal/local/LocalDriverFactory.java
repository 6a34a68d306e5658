package io.herald.internal.local;

import com.pusher.rest.crypto.CryptoUtil;
import io.herald.auth.PublicSubscriptionGuard;
import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.internal.OptionalClasses;
import io.herald.internal.background.Background;
import io.herald.internal.cluster.ClusterSettings;
import io.herald.internal.hooks.ChannelEventPublisher;
import io.herald.internal.hooks.ChannelEventPublishers;
import io.herald.internal.hooks.ChannelEventRecords;
import io.herald.internal.hooks.WebhookTargets;
import io.herald.internal.hooks.WebhookSender;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.observability.Observability;
import io.herald.internal.observability.WebhookActivity;
import io.herald.spi.BroadcastDriver;
import io.herald.spi.BroadcastDriverFactory;
import io.herald.spi.ConnectionConfig;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Optional;

/**
 * Driver {@code local}: the application serves Pusher's protocol itself, at {@code /app/{key}} (WebSocket) and
 * {@code apps/{app-id}/...} (REST, under the JAX-RS application path), and delivers its broadcasts in-process.
 */
@ApplicationScoped
public class LocalDriverFactory implements BroadcastDriverFactory {
    private static final String WEB_SOCKET_API = "jakarta.websocket.server.ServerEndpointConfig";

    @Inject
    LocalServer server;

    @Inject
    ChannelEventPublishers channelEvents;

    @Inject
    Instance<PublicSubscriptionGuard> guards;

    @Inject
    Event<WebhookActivity> webhookActivity;

    @Override
    public String name() {
        return "local";
    }

    @Override
    public List<String> requiredSettings() {
        return List.of("app-id", "client|key", "secret");
    }

    @Override
    public void checkSettings(ConnectionConfig config) {
        // First: without the API the server's classes cannot even load, and the first browser would meet a 404.
        if (!OptionalClasses.present(WEB_SOCKET_API)) {
            throw HeraldMessages.webSocketMissing(config.connection());
        }
        LocalSettings settings = LocalSettings.from(config);
        ClusterSettings.from(config, settings.appId());
        WebhookTargets.from(config);
        ChannelEventPublishers.gracePeriod(config);
    }

    @Override
    public BroadcastDriver create(ConnectionConfig config) {
        LocalSettings settings = LocalSettings.from(config);
        ClusterSettings cluster = ClusterSettings.from(config, settings.appId());
        Background background = Background.system();
        LocalServerMetrics metrics = Observability.localServerMetrics(config.connection());
        WebhookTargets webhooks = WebhookTargets.from(config);
        ChannelEventPublisher observers = channelEvents.forConnection(config.connection(),
                ChannelEventPublishers.gracePeriod(config));
        Optional<WebhookSender> sender = webhooks.urls().isEmpty() ? Optional.empty()
                : Optional.of(new WebhookSender(config.connection(), settings.key(), settings.secret(), webhooks, metrics,
                        background, webhookActivity::fire));
        LocalApp app;
        try {
            app = server.register(settings, metrics, cluster, new ChannelEventRecords(config.connection(),
                    background.clock(), event -> {
                        observers.publish(event);
                        sender.ifPresent(webhook -> webhook.accept(event));
                    }), background, guards.isResolvable()
                            ? PublicSubscriptions.guardedBy(guards.get(), config.connection())
                            : PublicSubscriptions.ANYONE);
        } catch (RuntimeException e) {
            sender.ifPresent(WebhookSender::close);
            throw e;
        }
        if (settings.origins().allowsAny()) {
            HeraldLog.anyOrigin(config.connection());
        }
        Optional<CryptoUtil> crypto = config.get("encryption-master-key").map(CryptoUtil::new);
        return new LocalDriver(config.connection(), server, app, crypto, sender);
    }
}
