package io.herald.internal.config;

import io.herald.internal.HeraldMessages;
import java.time.Duration;

/**
 * The webhook endpoint's settings, {@code broadcast.webhooks.*}.
 *
 * <pre>{@code
 * broadcast.webhooks.path=hooks/pusher
 * broadcast.webhooks.max-age-seconds=120
 * }</pre>
 *
 * @param path {@code path}, relative to the JAX-RS application path (default {@value #DEFAULT_PATH})
 * @param maxAge {@code max-age-seconds}: a webhook whose {@code time_ms} is older is refused (default 300), which
 *               limits replays of a captured request
 */
public record WebhookReceiverSettings(String path, Duration maxAge) {
    /** Where the webhook endpoint is unless configured. */
    public static final String DEFAULT_PATH = "broadcasting/webhooks";

    static WebhookReceiverSettings from(HeraldSettings settings) {
        String seconds = settings.value("broadcast.webhooks.max-age-seconds", "300");
        if (!seconds.matches("\\d{1,9}") || Long.parseLong(seconds) < 1) {
            throw HeraldMessages.invalidProperty("broadcast.webhooks.max-age-seconds", "a positive whole number");
        }
        return new WebhookReceiverSettings(AuthSettings.trimSlashes(settings.value("broadcast.webhooks.path", DEFAULT_PATH)),
                Duration.ofSeconds(Long.parseLong(seconds)));
    }
}
