/**
 * Herald's API for sending: fire an event qualified {@link io.herald.Broadcast @Broadcast} that implements
 * {@link io.herald.CanBroadcast}, or use the {@link io.herald.Broadcaster} bean.
 *
 * <pre>{@code
 * @Inject @Broadcast Event<OrderShipped> shipped;
 * shipped.fire(new OrderShipped(order));   // to the channels OrderShipped.broadcastOn() names
 * }</pre>
 *
 * <p>Who may listen is decided in {@link io.herald.auth}; what happens on channels is observed through
 * {@link io.herald.events}; drivers and serializers plug in through {@link io.herald.spi}.
 */
package io.herald;
