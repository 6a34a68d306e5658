package io.herald.jpa;

/**
 * The record of the entity changes a transaction broadcasts once it commits: what {@link ChangeBroadcaster} calls, and
 * what an application calls for changes JPA does not report (a JPQL bulk update, a native query).
 *
 * <pre>{@code
 * @Inject EntityChanges changes;
 *
 * em.createQuery("update Order o set o.status = 'archived' where o.id = :id").setParameter("id", id).executeUpdate();
 * changes.updated(em.find(Order.class, id));    // broadcast as OrderUpdated once the transaction commits
 * }</pre>
 *
 * <p>Inside a JTA transaction each entity is broadcast at most once per kind, after the transaction commits and never
 * after a rollback; outside one, at once. A change that cannot be broadcast (no identifier, a payload that cannot be
 * written, a driver that fails) is reported as {@link io.herald.BroadcastFailed} and logged; it never fails the
 * caller or its transaction.
 */
public interface EntityChanges {

    /**
     * Records that {@code entity} was persisted.
     *
     * @param entity the entity
     */
    void created(Object entity);

    /**
     * Records that {@code entity} was changed.
     *
     * @param entity the entity
     */
    void updated(Object entity);

    /**
     * Records that {@code entity} was removed.
     *
     * @param entity the entity
     */
    void deleted(Object entity);

    /**
     * Joins the current transaction before {@code entity} changes. JPA reports updates while the transaction is
     * already committing, too late to ask to be told of its outcome; {@link ChangeBroadcaster} therefore calls this
     * when an entity is loaded, persisted or removed. Applications need not.
     *
     * @param entity an entity that may change in this transaction
     */
    void watch(Object entity);
}
