package io.herald.internal.delivery;

import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;

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
        int status = registry.getTransactionStatus();
        if (status != Status.STATUS_ACTIVE && status != Status.STATUS_MARKED_ROLLBACK) {
            return false;
        }
        try {
            registry.registerInterposedSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                }

                @Override
                public void afterCompletion(int outcome) {
                    if (outcome == Status.STATUS_COMMITTED) {
                        send.run();
                    }
                }
            });
            return true;
        } catch (IllegalStateException completing) {
            return false;
        }
    }
}
