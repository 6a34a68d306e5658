package io.herald.internal.delivery;

import io.herald.internal.OptionalClasses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.Status;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Tells whether the current thread is bound to a JTA transaction, active or completing. An
 * {@code AFTER_SUCCESS} observer that sees one runs after commit, where no caller can be told of a failure.
 * Needs no JTA at all: without the API or a registry there is never a transaction.
 */
@ApplicationScoped
class TransactionProbe {
    private static final boolean JTA_PRESENT = isJtaPresent();

    private volatile Optional<Object> registry;

    public boolean inTransaction() {
        if (!JTA_PRESENT) {
            return false;
        }
        return registry().map(found -> ((TransactionSynchronizationRegistry) found).getTransactionStatus()
                != Status.STATUS_NO_TRANSACTION).orElse(false);
    }

    private Optional<Object> registry() {
        Optional<Object> found = registry;
        if (found == null) {
            found = fromCdi().or(TransactionProbe::fromJndi);
            registry = found;
        }
        return found;
    }

    private static Optional<Object> fromCdi() {
        try {
            var candidates = CDI.current().select(TransactionSynchronizationRegistry.class);
            return candidates.isResolvable() ? Optional.of(candidates.get()) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Optional<Object> fromJndi() {
        try {
            return Optional.ofNullable(new InitialContext().lookup("java:comp/TransactionSynchronizationRegistry"));
        } catch (NamingException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static boolean isJtaPresent() {
        return OptionalClasses.present("jakarta.transaction.TransactionSynchronizationRegistry");
    }
}
