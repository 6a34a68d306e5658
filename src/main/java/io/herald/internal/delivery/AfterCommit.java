package io.herald.internal.delivery;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * The part of {@link TransactionProbe} that names JTA's types, loaded only where the JTA API is: a bean class whose
 * methods name a missing type is dropped by some containers (OpenWebBeans) rather than loaded lazily.
 */
final class AfterCommit {

    private AfterCommit() {
    }

    /**
     * Registers {@code send} to run once the registry's current transaction has committed, and answers true; answers
     * false when no transaction is active (none, or one already completing) and nothing was registered.
     */
    static boolean register(Object found, Runnable send) {
        TransactionSynchronizationRegistry registry = (TransactionSynchronizationRegistry) found;
        return isActive(registry) && registered(registry, send);
    }

    /**
     * The value kept under {@code key} for the registry's current transaction: the one made earlier in it, else a new
     * one from {@code create}, handed to {@code onCommit} once the transaction committed (and forgotten on rollback);
     * empty when no transaction is active (none, or one already completing without a value).
     */
    @SuppressWarnings("unchecked")
    static <T> Optional<T> resource(Object found, Object key, Supplier<T> create, Consumer<T> onCommit) {
        TransactionSynchronizationRegistry registry = (TransactionSynchronizationRegistry) found;
        if (registry.getTransactionStatus() == Status.STATUS_NO_TRANSACTION) {
            return Optional.empty();
        }
        Object existing = registry.getResource(key);
        if (existing != null) {
            return Optional.of((T) existing);
        }
        if (!isActive(registry)) {
            return Optional.empty();
        }
        T created = create.get();
        if (!registered(registry, () -> onCommit.accept(created))) {
            return Optional.empty();
        }
        registry.putResource(key, created);
        return Optional.of(created);
    }

    /** Whether the registry has a transaction for the current thread, active or completing. */
    static boolean hasTransaction(Object found) {
        return ((TransactionSynchronizationRegistry) found).getTransactionStatus() != Status.STATUS_NO_TRANSACTION;
    }

    private static boolean isActive(TransactionSynchronizationRegistry registry) {
        int status = registry.getTransactionStatus();
        return status == Status.STATUS_ACTIVE || status == Status.STATUS_MARKED_ROLLBACK;
    }

    private static boolean registered(TransactionSynchronizationRegistry registry, Runnable onCommit) {
        try {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        onCommit.run();
                    }
                }
            });
            return true;
        } catch (IllegalStateException completing) {
            return false;
        }
    }
}
