package io.herald.internal.hooks;

import io.herald.spi.ConnectionConfig;
import java.net.URI;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Where a {@code local} connection sends Pusher-format webhooks, from {@code broadcast.<connection>.webhooks.*}.
 *
 * <pre>{@code
 * broadcast.local.webhooks.url=https://hooks.example.com/pusher,https://audit.example.com/in
 * broadcast.local.webhooks.kinds=member_added,member_removed
 * }</pre>
 *
 * @param urls {@code url}: one or more, comma-separated; none means no webhooks
 * @param kinds {@code kinds}: the webhook names to send ({@code channel_occupied}, ...); empty means all
 * @param batchWindow {@code batch-ms} (default 100): events within it go in one request
 * @param queueCapacity {@code queue-capacity} (default 10,000): events waiting; more are dropped and logged
 * @param retryFor {@code retry-seconds} (default 300, as Pusher): how long a request is retried on network errors
 *                 and 5xx answers before it is given up
 * @param gracePeriod {@code grace-ms} (default 3,000, as Pusher; 0 sends at once): how long {@code channel_vacated}
 *                    and {@code member_removed} wait, dropped with the return that follows them within it
 */
public record WebhookTargets(List<URI> urls, Set<String> kinds, Duration batchWindow, int queueCapacity,
        Duration retryFor, Duration gracePeriod) {

    static final Set<String> KINDS = Set.of("channel_occupied", "channel_vacated", "member_added", "member_removed",
            "client_event", "cache_miss", "subscription_count");

    public static WebhookTargets from(ConnectionConfig config) {
        List<URI> urls = list(config.get("webhooks.url").orElse("")).stream().map(url -> uri(config, url))
                .flatMap(Optional::stream).toList();
        Set<String> kinds = Set.copyOf(list(config.get("webhooks.kinds").orElse("")));
        if (!KINDS.containsAll(kinds)) {
            config.invalid("webhooks.kinds", "a comma-separated list of "
                    + KINDS.stream().sorted().collect(Collectors.joining(", ")));
        }
        return new WebhookTargets(urls, kinds, Duration.ofMillis(config.getInt("webhooks.batch-ms", 100, 0, 60_000)),
                config.getInt("webhooks.queue-capacity", 10_000, 1, 10_000_000),
                Duration.ofSeconds(config.getInt("webhooks.retry-seconds", 300, 0, 86_400)),
                Duration.ofMillis(config.getInt("webhooks.grace-ms", 3_000, 0, 60_000)));
    }

    /** Whether events of this webhook kind are sent. */
    public boolean sends(String kind) {
        return kinds.isEmpty() || kinds.contains(kind);
    }

    private static List<String> list(String value) {
        return Arrays.stream(value.split(",")).map(String::trim).filter(item -> !item.isEmpty()).toList();
    }

    private static Optional<URI> uri(ConnectionConfig config, String url) {
        try {
            URI uri = URI.create(url);
            if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null) {
                return Optional.of(uri);
            }
        } catch (IllegalArgumentException e) {
            // reported below
        }
        config.invalid("webhooks.url", "one or more http(s) URLs, comma-separated");
        return Optional.empty();
    }
}
