package io.herald.internal.delivery;

import io.herald.jpa.ChangeKind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.BiConsumer;

/**
 * The entity changes of one transaction, each entity once per kind, in the order they first happened: ten updates of
 * one row in a transaction are one {@code Updated}. Entities are told apart by identity, as a persistence context
 * holds one instance per row. Used by the transaction's thread only.
 */
final class PendingChanges {

    private record Change(ChangeKind kind, Object entity) {
    }

    private record Seen(ChangeKind kind, int identity, Object entity) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Seen seen && seen.kind == kind && seen.entity == entity;
        }

        @Override
        public int hashCode() {
            return 31 * kind.hashCode() + identity;
        }
    }

    private final List<Change> changes = new ArrayList<>();
    private final Set<Seen> seen = new HashSet<>();

    /** Records a change, unless this entity already has one of this kind here. */
    void add(ChangeKind kind, Object entity) {
        if (seen.add(new Seen(kind, System.identityHashCode(entity), entity))) {
            changes.add(new Change(kind, entity));
        }
    }

    /** Each recorded change, in order. */
    void forEach(BiConsumer<ChangeKind, Object> action) {
        changes.forEach(change -> action.accept(change.kind(), change.entity()));
    }
}
