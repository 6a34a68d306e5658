package io.herald.testing;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.UserTransaction;
import java.util.ArrayList;
import java.util.List;
import org.jboss.weld.transaction.spi.TransactionServices;

/**
 * A one-thread JTA transaction for Weld SE, which has none: Weld defers transactional observers through
 * {@link TransactionServices}, and Herald asks the {@link Registry} bean whether a transaction is bound, as it asks
 * the server's {@code TransactionSynchronizationRegistry} in WildFly, Payara or Quarkus.
 */
public final class FakeTransactions implements TransactionServices {
    private static volatile int status = Status.STATUS_NO_TRANSACTION;
    private static final List<Synchronization> SYNCHRONIZATIONS = new ArrayList<>();

    public static void begin() {
        status = Status.STATUS_ACTIVE;
    }

    /** Commits: runs every registered synchronization's completion while the transaction is still bound. */
    public static void commit() {
        List<Synchronization> registered = new ArrayList<>(SYNCHRONIZATIONS);
        SYNCHRONIZATIONS.clear();
        registered.forEach(Synchronization::beforeCompletion);
        status = Status.STATUS_COMMITTED;
        try {
            registered.forEach(s -> s.afterCompletion(Status.STATUS_COMMITTED));
        } finally {
            status = Status.STATUS_NO_TRANSACTION;
        }
    }

    @Override
    public void registerSynchronization(Synchronization synchronization) {
        SYNCHRONIZATIONS.add(synchronization);
    }

    @Override
    public boolean isTransactionActive() {
        return status == Status.STATUS_ACTIVE;
    }

    @Override
    public UserTransaction getUserTransaction() {
        throw new UnsupportedOperationException("not needed by these tests");
    }

    @Override
    public void cleanup() {
        SYNCHRONIZATIONS.clear();
        status = Status.STATUS_NO_TRANSACTION;
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
            throw new UnsupportedOperationException();
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
