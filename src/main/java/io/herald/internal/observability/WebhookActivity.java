package io.herald.internal.observability;

/**
 * A batch of webhooks Herald sent or received, told as a CDI event to whoever shows them (the console).
 *
 * <pre>{@code
 * new WebhookActivity("local", false, "hooks.example.com", 3, "sent");
 * }</pre>
 *
 * @param connection the configured connection
 * @param received whether it came in ({@code POST broadcasting/webhooks}) rather than went out
 * @param peer the host it went to, or {@code Pusher} for one received
 * @param events how many events the batch held
 * @param outcome {@code sent}, {@code failed: <reason>} or {@code accepted}
 */
public record WebhookActivity(String connection, boolean received, String peer, int events, String outcome) {
}
