package io.herald.jpa;

/**
 * What happened to an entity, and the suffix of the event name it is broadcast under ({@code Order} +
 * {@code Updated}).
 *
 * <pre>{@code
 * if (change.kind() == ChangeKind.DELETED) { ... }
 * }</pre>
 */
public enum ChangeKind {
    /** Persisted: {@code @PostPersist}. */
    CREATED("Created"),
    /** Changed and flushed: {@code @PostUpdate}. */
    UPDATED("Updated"),
    /** Removed: {@code @PostRemove}. */
    DELETED("Deleted");

    private final String suffix;

    ChangeKind(String suffix) {
        this.suffix = suffix;
    }

    /**
     * The suffix of the default event name, as Laravel's model broadcasting names it.
     *
     * @return {@code Created}, {@code Updated} or {@code Deleted}
     */
    public String suffix() {
        return suffix;
    }
}
