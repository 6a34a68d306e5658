package io.herald.jpa;

import io.herald.Channel;
import java.util.List;

/**
 * What an entity listed with {@link ChangeBroadcaster} may decide about its own broadcasts, as Laravel's
 * {@code BroadcastsEvents} models do. Every method has Laravel's default; implement the interface only to change one.
 *
 * <pre>{@code
 * @Entity
 * @EntityListeners(ChangeBroadcaster.class)
 * public class Order implements BroadcastsChanges {
 *     @Id @GeneratedValue Long id;
 *     @ManyToOne(fetch = FetchType.LAZY) Customer customer;
 *     String status;
 *
 *     public List<Channel> broadcastOn(EntityChange change) {        // the customer's channel too
 *         return List.of(new PrivateChannel(change.channel()), new PrivateChannel("Customer." + customer.getId()));
 *     }
 *
 *     public boolean broadcastWhen(EntityChange change) {           // drafts are nobody's business
 *         return !"draft".equals(status);
 *     }
 * }
 * }</pre>
 */
public interface BroadcastsChanges {

    /**
     * The channels a change goes out on.
     *
     * @param change the change
     * @return by default the private channel {@code <Entity>.<id>} ({@link EntityChange#defaultChannels()})
     */
    default List<Channel> broadcastOn(EntityChange change) {
        return change.defaultChannels();
    }

    /**
     * The event name a change goes out under.
     *
     * @param change the change
     * @return by default {@code <Entity>Created}, {@code <Entity>Updated} or {@code <Entity>Deleted}
     */
    default String broadcastAs(EntityChange change) {
        return change.defaultName();
    }

    /**
     * The payload, written by the JSON Herald chose for the application.
     *
     * @param change the change
     * @return by default {@code {"model": {...}}} ({@link EntityChange#defaultPayload()})
     */
    default Object broadcastWith(EntityChange change) {
        return change.defaultPayload();
    }

    /**
     * Whether a change is broadcast at all.
     *
     * @param change the change
     * @return by default true
     */
    default boolean broadcastWhen(EntityChange change) {
        return true;
    }
}
