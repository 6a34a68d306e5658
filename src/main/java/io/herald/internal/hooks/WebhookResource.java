package io.herald.internal.hooks;

import io.herald.events.ChannelEvent;
import io.herald.internal.config.HeraldSettings;
import io.herald.internal.config.WebhookReceiverSettings;
import io.herald.internal.observability.WebhookActivity;
import io.herald.internal.signing.Hmac;
import io.herald.spi.ConnectionConfig;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Receives Pusher's webhooks (from Pusher's cloud or any Pusher-compatible server) at {@code broadcasting/webhooks}
 * ({@code broadcast.webhooks.path}) and hands their events to the application's {@link ChannelEvent} observers, as
 * the {@code local} server does with its own. The key ({@code X-Pusher-Key}) names the connection; the signature
 * ({@code X-Pusher-Signature}, HMAC-SHA256 of the raw body with its secret) is compared in constant time. Answers:
 * 200 once the events are queued for the observers (an observer's failure never changes it, so Pusher does not
 * retry), 401 for an unknown key, a wrong signature or a {@code time_ms} older than
 * {@code broadcast.webhooks.max-age-seconds}, 400 for a body that is not a webhook; never 500.
 */
@Path(WebhookReceiverSettings.DEFAULT_PATH)
@RequestScoped
public class WebhookResource {

    @Inject
    ChannelEventPublishers publishers;

    @Inject
    Event<WebhookActivity> activity;

    @POST
    public Response receive(@Context HttpHeaders headers, byte[] body) {
        HeraldSettings settings = HeraldSettings.fromMicroProfileConfig();
        // Read as lists: a header given twice would be verified once and could be read differently elsewhere.
        String key = once(headers, "X-Pusher-Key");
        String signature = once(headers, "X-Pusher-Signature");
        if (key == null || signature == null) {
            return plain(401, "A webhook needs the X-Pusher-Key and X-Pusher-Signature headers, each once");
        }
        Optional<ConnectionConfig> connection = connectionWithKey(settings, key);
        if (connection.isEmpty()) {
            return plain(401, "No connection has the key of this webhook");
        }
        byte[] raw = body == null ? new byte[0] : body;
        String expected = Hmac.sha256Hex(connection.get().require("secret"), new String(raw, StandardCharsets.UTF_8));
        if (!Hmac.constantTimeEquals(expected, signature)) {
            return plain(401, "The webhook's signature does not match its body");
        }
        WebhookFormat.Webhook webhook;
        try {
            webhook = WebhookFormat.parse(connection.get().connection(), raw);
        } catch (WebhookFormat.Malformed e) {
            return plain(400, e.getMessage());
        }
        Duration maxAge = settings.webhooks().maxAge();
        if (webhook.time().isBefore(Instant.now().minus(maxAge))) {
            return plain(401, "The webhook is older than " + maxAge.toSeconds() + " s (time_ms); a replay is refused");
        }
        ChannelEventPublisher publisher = publishers.forConnection(connection.get().connection());
        webhook.events().forEach(publisher::publish);
        activity.fire(new WebhookActivity(connection.get().connection(), true, "Pusher", webhook.events().size(),
                "accepted"));
        return Response.ok("{}", MediaType.APPLICATION_JSON_TYPE).build();
    }

    // Several connections may share a key (an app that publishes to its own local server): webhooks come from
    // elsewhere, so a connection whose server is elsewhere (not local) is preferred, then the first by name.
    private static Optional<ConnectionConfig> connectionWithKey(HeraldSettings settings, String key) {
        return settings.configuredConnections().stream()
                .map(settings::connection)
                .filter(config -> config.get("secret").isPresent())
                .filter(config -> key.equals(config.getAny("client", "key").orElse(null)))
                .min(Comparator.comparing((ConnectionConfig config) -> "local".equals(config.get("driver").orElse("")))
                        .thenComparing(ConnectionConfig::connection));
    }

    private static String once(HttpHeaders headers, String name) {
        List<String> values = headers.getRequestHeader(name);
        return values != null && values.size() == 1 ? values.get(0) : null;
    }

    private static Response plain(int status, String message) {
        return Response.status(status).type(MediaType.TEXT_PLAIN_TYPE).entity(message).build();
    }
}
