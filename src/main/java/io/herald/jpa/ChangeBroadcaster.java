package io.herald.jpa;

import jakarta.enterprise.inject.spi.CDI;
import jakarta.persistence.PostLoad;
import jakarta.persistence.PostPersist;
import jakarta.persistence.PostRemove;
import jakarta.persistence.PostUpdate;
import jakarta.persistence.PrePersist;
import jakarta.persistence.PreRemove;

/**
 * The JPA entity listener that broadcasts an entity's changes: list it in the entity's {@code @EntityListeners}.
 *
 * <pre>{@code
 * @Entity
 * @EntityListeners(ChangeBroadcaster.class)
 * public class Order { ... }
 * }</pre>
 *
 * <p>It hands each callback to the application's {@link EntityChanges} bean, which Herald provides.
 */
public class ChangeBroadcaster {

    private volatile EntityChanges changes;

    /** Made by the persistence provider. */
    public ChangeBroadcaster() {
    }

    /**
     * Joins the transaction an entity was loaded in.
     *
     * @param entity the entity
     */
    @PostLoad
    public void loaded(Object entity) {
        changes().watch(entity);
    }

    /**
     * Joins the transaction an entity is persisted in.
     *
     * @param entity the entity
     */
    @PrePersist
    public void persisting(Object entity) {
        changes().watch(entity);
    }

    /**
     * Joins the transaction an entity is removed in.
     *
     * @param entity the entity
     */
    @PreRemove
    public void removing(Object entity) {
        changes().watch(entity);
    }

    /**
     * Records a persisted entity.
     *
     * @param entity the entity
     */
    @PostPersist
    public void created(Object entity) {
        changes().created(entity);
    }

    /**
     * Records a changed entity.
     *
     * @param entity the entity
     */
    @PostUpdate
    public void updated(Object entity) {
        changes().updated(entity);
    }

    /**
     * Records a removed entity.
     *
     * @param entity the entity
     */
    @PostRemove
    public void deleted(Object entity) {
        changes().deleted(entity);
    }

    // Looked up, not injected: not every persistence provider injects into entity listeners outside a container.
    private EntityChanges changes() {
        EntityChanges found = changes;
        if (found == null) {
            found = CDI.current().select(EntityChanges.class).get();
            changes = found;
        }
        return found;
    }
}
