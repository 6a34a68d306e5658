package io.herald.data;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.function.Consumer;
import java.util.function.Function;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * A JTA stack in the test JVM, as an application server has one: Narayana's transaction manager and registry,
 * Agroal's pool enlisting H2 connections in the transaction, Hibernate as the persistence provider. The registry is a
 * CDI bean, which is how Herald finds it (as in Quarkus).
 *
 * <pre>{@code
 * @AddBeanClasses(JtaPersistence.class)
 * ...
 * jta.inTransaction(em -> em.persist(order));     // commits
 * jta.rolledBack(em -> em.persist(order));        // rolls back
 * }</pre>
 */
@ApplicationScoped
public class JtaPersistence {
    static {
        try {
            arjPropertyManager.getObjectStoreEnvironmentBean()
                    .setObjectStoreDir(Files.createTempDirectory("narayana").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final StrictRegistry registry = new StrictRegistry(new TransactionSynchronizationRegistryImple());
    private volatile Runnable beforeCommit = () -> { };
    private AgroalDataSource dataSource;
    private EntityManagerFactory entityManagers;

    @Produces
    TransactionSynchronizationRegistry registry() {
        return registry;
    }

    /**
     * Narayana's registry, refusing a new interposed synchronization once the transaction's completion has begun, as
     * JTA lets a transaction manager do (Narayana itself accepts it): what Herald must cope with elsewhere.
     */
    static final class StrictRegistry implements TransactionSynchronizationRegistry {
        private final TransactionSynchronizationRegistry delegate;
        private volatile boolean completing;

        StrictRegistry(TransactionSynchronizationRegistry delegate) {
            this.delegate = delegate;
        }

        void completing(boolean now) {
            completing = now;
        }

        @Override
        public void registerInterposedSynchronization(Synchronization sync) {
            if (completing) {
                throw new IllegalStateException("the transaction is completing");
            }
            delegate.registerInterposedSynchronization(sync);
        }

        @Override
        public Object getTransactionKey() {
            return delegate.getTransactionKey();
        }

        @Override
        public void putResource(Object key, Object value) {
            delegate.putResource(key, value);
        }

        @Override
        public Object getResource(Object key) {
            return delegate.getResource(key);
        }

        @Override
        public int getTransactionStatus() {
            return delegate.getTransactionStatus();
        }

        @Override
        public void setRollbackOnly() {
            delegate.setRollbackOnly();
        }

        @Override
        public boolean getRollbackOnly() {
            return delegate.getRollbackOnly();
        }
    }

    /**
     * Runs {@code action} while the next transaction commits, after its completion began (as a provider's flush at
     * commit does), once.
     */
    public void whileCommitting(Runnable action) {
        beforeCommit = action;
    }

    /** Runs {@code work} in a transaction that commits, with an entity manager joined to it. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        return run(work, true);
    }

    /** Runs {@code work} in a transaction, then rolls it back. */
    public void rolledBack(Consumer<EntityManager> work) {
        run(em -> {
            work.accept(em);
            return null;
        }, false);
    }

    private <T> T run(Function<EntityManager, T> work, boolean commit) {
        try {
            transactions.begin();
            Runnable action = beforeCommit;
            beforeCommit = () -> { };
            // Registered first, so it runs before Hibernate's flush: from then on the registry refuses newcomers.
            transactions.getTransaction().registerSynchronization(new Synchronization() {
                @Override
                public void beforeCompletion() {
                    registry.completing(true);
                    action.run();
                }

                @Override
                public void afterCompletion(int status) {
                    registry.completing(false);
                }
            });
            T result;
            try (EntityManager em = entityManagers().createEntityManager()) {
                result = work.apply(em);
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            if (commit) {
                transactions.commit();
            } else {
                transactions.rollback();
            }
            return result;
        } catch (Exception e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    private synchronized EntityManagerFactory entityManagers() throws SQLException {
        if (entityManagers == null) {
            String url = "jdbc:h2:mem:" + System.identityHashCode(this) + ";DB_CLOSE_DELAY=-1";
            // The schema first, outside JTA: H2 locks its catalogue against DDL from a second pooled connection.
            unit().transactionType(PersistenceUnitTransactionType.RESOURCE_LOCAL)
                    .property("jakarta.persistence.jdbc.url", url)
                    .property("jakarta.persistence.schema-generation.database.action", "drop-and-create")
                    .createEntityManagerFactory().close();
            dataSource = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(pool -> pool.maxSize(4)
                            .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url))));
            entityManagers = unit().transactionType(PersistenceUnitTransactionType.JTA)
                    .property("jakarta.persistence.jtaDataSource", dataSource)
                    .property("hibernate.transaction.jta.platform", "Narayana")
                    .createEntityManagerFactory();
        }
        return entityManagers;
    }

    private static HibernatePersistenceConfiguration unit() {
        return new HibernatePersistenceConfiguration("orders").managedClasses(Order.class, Customer.class, Note.class);
    }

    @jakarta.annotation.PreDestroy
    void close() {
        if (entityManagers != null) {
            entityManagers.close();
            dataSource.close();
        }
    }
}
