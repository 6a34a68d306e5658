package io.herald.internal.delivery;

import io.herald.internal.OptionalClasses;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.util.Optional;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * Herald's one decision about JTA: an event fired in a transaction goes out once it commits, and never when it rolls
 * back, through an interposed {@code Synchronization} on the {@code TransactionSynchronizationRegistry} (a CDI bean,
 * else {@code java:comp/TransactionSynchronizationRegistry}). Herald does not use a transactional observer for this:
 * whether one works depends on each container's glue between CDI and JTA (Helidon's fails every {@code fire()}
 * outside a transaction with a {@code ContextNotActiveException}), while the registry is JTA's own API. Needs no JTA
 * at all: without the API or a registry there is never a transaction.
 */
@ApplicationScoped
class TransactionProbe {
    private static final boolean JTA_PRESENT = isJtaPresent();

    private volatile Optional<Object> registry;

    /**
     * Runs {@code send} once the current thread's transaction has committed (not at all if it rolls back) and answers
     * true; answers false, and runs nothing, when no transaction is in progress, and the caller sends at once. A
     * transaction that is already completing takes no more work: as CDI's {@code AFTER_SUCCESS} observers are, the
     * event is then sent at once.
     */
    boolean afterCommit(Runnable send) {
        if (!JTA_PRESENT) {
            return false;
        }
        return registry().map(found -> AfterCommit.register(found, send)).orElse(false);
    }

    /**
     * The value kept under {@code key} for the current thread's transaction, made by {@code create} the first time it
     * is asked for in that transaction and handed to {@code onCommit} once the transaction committed (never on
     * rollback); empty when no transaction is active.
     */
    <T> Optional<T> perTransaction(Object key, Supplier<T> create, Consumer<T> onCommit) {
        if (!JTA_PRESENT) {
            return Optional.empty();
        }
        return registry().flatMap(found -> AfterCommit.resource(found, key, create, onCommit));
    }

    /** Whether the current thread has a transaction, active or completing. */
    boolean inTransaction() {
        return JTA_PRESENT && registry().map(AfterCommit::hasTransaction).orElse(false);
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
