package io.herald.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.ArrayList;
import java.util.List;

/**
 * A one-thread JTA transaction for Weld SE, which has none: Herald registers its after-commit work with the
 * {@link Registry} bean, as it does with the server's {@code TransactionSynchronizationRegistry} in WildFly, Payara,
 * GlassFish, Open Liberty, Helidon or Quarkus. Weld is given no transaction services at all: Herald needs none.
 *
 * <pre>{@code
 * FakeTransactions.begin();
 * releases.fire(new NewRelease("5.0.0"));   // registered, not sent
 * FakeTransactions.commit();                // sent now
 * }</pre>
 */
public final class FakeTransactions {
    private static volatile int status = Status.STATUS_NO_TRANSACTION;
    private static final List<Synchronization> SYNCHRONIZATIONS = new ArrayList<>();

    private FakeTransactions() {
    }

    public static void begin() {
        SYNCHRONIZATIONS.clear();
        status = Status.STATUS_ACTIVE;
    }

    /** Commits: runs every registered synchronization's completion while the transaction is still bound. */
    public static void commit() {
        complete(Status.STATUS_COMMITTED);
    }

    /** Rolls back: every registered synchronization is told so. */
    public static void rollback() {
        complete(Status.STATUS_ROLLEDBACK);
    }

    private static void complete(int outcome) {
        List<Synchronization> registered = new ArrayList<>(SYNCHRONIZATIONS);
        SYNCHRONIZATIONS.clear();
        if (outcome == Status.STATUS_COMMITTED) {
            registered.forEach(Synchronization::beforeCompletion);
        }
        status = outcome;
        try {
            registered.forEach(s -> s.afterCompletion(outcome));
        } finally {
            status = Status.STATUS_NO_TRANSACTION;
        }
    }

    /** The registry bean Herald consults. */
    @ApplicationScoped
    public static class Registry implements TransactionSynchronizationRegistry {
        @Override
        public int getTransactionStatus() {
            return status;
        }

        @Override
        public Object getTransactionKey() {
            return status == Status.STATUS_NO_TRANSACTION ? null : "tx";
        }

        @Override
        public void putResource(Object key, Object value) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Object getResource(Object key) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            if (status != Status.STATUS_ACTIVE) {
                throw new IllegalStateException("no active transaction");
            }
            SYNCHRONIZATIONS.add(sync);
        }

        @Override
        public void setRollbackOnly() {
            throw new UnsupportedOperationException();
        }

        @Override
        public boolean getRollbackOnly() {
            return false;
        }
    }
}
