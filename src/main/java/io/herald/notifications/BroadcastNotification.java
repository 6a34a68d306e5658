package io.herald.notifications;

/**
 * What a notification may say about itself; implementing it is optional.
 *
 * <pre>{@code
 * public record InvoicePaid(long invoiceId) implements BroadcastNotification {
 *     public String broadcastType() {
 *         return "invoice.paid";          // what the browser reads as notification.type
 *     }
 * }
 * }</pre>
 */
public interface BroadcastNotification {

    /**
     * The payload's {@code type}.
     *
     * @return by default the class's fully qualified name, as Laravel sends its class name
     */
    default String broadcastType() {
        return getClass().getName();
    }
}
