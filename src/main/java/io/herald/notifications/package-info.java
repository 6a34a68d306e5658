/**
 * Notifications to a user, in the wire format Laravel Echo's {@code .notification()} listens to.
 *
 * <pre>{@code
 * public record InvoicePaid(long invoiceId, BigDecimal amount) { }
 *
 * @Inject Notifier notifier;
 * notifier.send(user, new InvoicePaid(7, new BigDecimal("99.50")));    // user: an entity with id 1
 *
 * // in the browser, with laravel-echo:
 * Echo.private('User.1').notification((n) => console.log(n.type, n.amount));
 * }</pre>
 */
package io.herald.notifications;
