package io.herald.jpa;

import io.herald.Channel;
import io.herald.PrivateChannel;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One change of one entity, as Herald broadcasts it once the transaction committed: what {@link BroadcastsChanges}
 * methods receive to decide channels, name and payload.
 *
 * <pre>{@code
 * change.kind();          // UPDATED
 * change.entityName();    // "Order" (the JPA entity name)
 * change.id();            // 42L
 * change.channel();       // "Order.42", the default private channel's name (after broadcast.entities.channel-prefix)
 * change.model();         // {"id":42,"status":"shipped"}: the identifier and basic attributes
 * }</pre>
 *
 * @param kind what happened
 * @param entity the entity instance (after a delete, the removed instance)
 * @param entityName the JPA entity name: {@code @Entity(name)}, else the class's simple name
 * @param id the entity's identifier
 * @param channel the default channel's name without {@code private-}: the configured prefix, the entity name, a dot
 *     and the identifier
 * @param model the default payload's {@code model}: the identifier and the basic attributes, never an association;
 *     after a delete the identifier only
 */
public record EntityChange(ChangeKind kind, Object entity, String entityName, Object id, String channel,
        Map<String, Object> model) {

    /**
     * Checks that every part is given and copies the model.
     *
     * @param kind what happened
     * @param entity the entity instance
     * @param entityName the JPA entity name
     * @param id the entity's identifier
     * @param channel the default channel's name
     * @param model the default payload's {@code model}
     */
    public EntityChange {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(entity, "entity");
        Objects.requireNonNull(entityName, "entityName");
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(channel, "channel");
        model = Collections.unmodifiableMap(new LinkedHashMap<>(model));
    }

    /**
     * The channels Laravel broadcasts a model's changes on: its private channel.
     *
     * @return {@code [private-<channel>]}
     */
    public List<Channel> defaultChannels() {
        return List.of(new PrivateChannel(channel));
    }

    /**
     * The event name Laravel gives a model's change, which Echo listens to with a leading dot.
     *
     * @return {@code <entityName><Created|Updated|Deleted>}, e.g. {@code OrderUpdated}
     */
    public String defaultName() {
        return entityName + kind.suffix();
    }

    /**
     * The payload Laravel sends for a model's change.
     *
     * @return {@code {"model": model()}}
     */
    public Map<String, Object> defaultPayload() {
        return Map.of("model", model);
    }
}
