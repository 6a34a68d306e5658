package io.herald.notifications;

/**
 * Sends notifications to users as Laravel's {@code broadcast} notification channel does: on the user's private
 * channel ({@code User.1} for a {@code User} entity with identifier 1), as the event
 * {@value #EVENT}, with the notification's fields plus {@code id} (a new UUID) and {@code type}.
 *
 * <pre>{@code
 * @Inject Notifier notifier;
 *
 * notifier.send(user, new InvoicePaid(7, new BigDecimal("99.50")));
 * // private-User.1  Illuminate\Notifications\Events\BroadcastNotificationCreated
 * // {"invoiceId":7,"amount":99.50,"id":"0c0e…","type":"com.example.InvoicePaid"}
 * }</pre>
 *
 * <p>Who receives it: a {@link ReceivesNotifications} names its channel; a JPA entity's is its entity name and
 * identifier; any other object with an {@code id()} or {@code getId()} accessor its class's simple name and that id;
 * a {@link io.herald.BroadcastUser} is {@code User.<id>}. {@code broadcast.entities.channel-prefix} goes in front
 * of the derived names. With {@code broadcast.notifications.via=user}, the notification goes to the user's signed-in
 * connections ({@code #server-to-user-<id>}) instead.
 *
 * <p>Inside a JTA transaction it is sent once the transaction commits, never after a rollback; outside one, before
 * {@code send} returns, which then throws {@link io.herald.BroadcastException} when it could not be delivered.
 */
public interface Notifier {

    /** The event name Laravel Echo's {@code .notification(callback)} listens to. */
    String EVENT = "Illuminate\\Notifications\\Events\\BroadcastNotificationCreated";

    /**
     * Sends {@code notification} to {@code user}.
     *
     * @param user who receives it: an entity, a {@link ReceivesNotifications}, a {@link io.herald.BroadcastUser}, or
     *     an object with an {@code id()} or {@code getId()} accessor
     * @param notification a record (its components become the payload's fields); it may implement
     *     {@link BroadcastNotification} to name its {@code type}
     * @throws IllegalArgumentException when the user's channel cannot be told, or the notification is not a
     *     record
     */
    void send(Object user, Object notification);
}
