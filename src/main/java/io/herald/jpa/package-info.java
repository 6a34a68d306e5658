/**
 * Broadcasting what JPA entities do, in the wire format Laravel Echo listens to: an entity listed with
 * {@link io.herald.jpa.ChangeBroadcaster} in {@code @EntityListeners} is broadcast as {@code OrderCreated},
 * {@code OrderUpdated} or {@code OrderDeleted} on the private channel {@code Order.<id>} once its transaction
 * commits, at most once per entity and kind in a transaction.
 *
 * <pre>{@code
 * @Entity
 * @EntityListeners(ChangeBroadcaster.class)
 * public class Order { @Id @GeneratedValue Long id; String status; ... }
 *
 * // in the browser, with laravel-echo:
 * Echo.private('Order.42').listen('.OrderUpdated', (e) => console.log(e.model.status));
 * }</pre>
 *
 * <p>An entity that implements {@link io.herald.jpa.BroadcastsChanges} decides its channels, names, payload and
 * which changes are broadcast. Changes JPA does not see (JPQL bulk updates, native queries) are not broadcast;
 * {@link io.herald.jpa.EntityChanges} records them by hand.
 */
package io.herald.jpa;
