package demo;

import com.arjuna.ats.arjuna.common.arjPropertyManager;
import com.arjuna.ats.internal.jta.transaction.arjunacore.TransactionSynchronizationRegistryImple;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.narayana.NarayanaTransactionIntegration;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.persistence.EntityManager;
import jakarta.persistence.EntityManagerFactory;
import jakarta.persistence.PersistenceUnitTransactionType;
import jakarta.transaction.TransactionManager;
import jakarta.transaction.TransactionSynchronizationRegistry;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.function.Function;
import org.eclipse.microprofile.config.ConfigProvider;
import org.hibernate.jpa.HibernatePersistenceConfiguration;

/**
 * The demo's database, wired as an application server would: Narayana's JTA transactions, Agroal's pool enlisting H2
 * connections in them, Hibernate for JPA. The transaction registry is a CDI bean, which is how Herald learns when a
 * transaction commits. {@code demo.database} names the H2 database (in memory unless given; {@code demo/run --cluster}
 * gives both instances one file).
 */
@ApplicationScoped
public class DemoDatabase {
    static {
        try {
            arjPropertyManager.getObjectStoreEnvironmentBean()
                    .setObjectStoreDir(Files.createTempDirectory("demo-transactions").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private final TransactionManager transactions = com.arjuna.ats.jta.TransactionManager.transactionManager();
    private final TransactionSynchronizationRegistry registry = new TransactionSynchronizationRegistryImple();
    private AgroalDataSource pool;
    private EntityManagerFactory entityManagers;

    @Produces
    TransactionSynchronizationRegistry registry() {
        return registry;
    }

    /** Runs {@code work} in a transaction that commits unless {@code work} throws. */
    public <T> T inTransaction(Function<EntityManager, T> work) {
        try {
            EntityManagerFactory factory = entityManagers();   // made outside a transaction: it may create the schema
            transactions.begin();
            T result;
            try (EntityManager em = factory.createEntityManager()) {
                result = work.apply(em);
            } catch (RuntimeException e) {
                transactions.rollback();
                throw e;
            }
            transactions.commit();
            return result;
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private synchronized EntityManagerFactory entityManagers() throws SQLException {
        if (entityManagers == null) {
            String url = ConfigProvider.getConfig().getOptionalValue("demo.database", String.class)
                    .orElse("jdbc:h2:mem:demo;DB_CLOSE_DELAY=-1");
            pool = AgroalDataSource.from(new AgroalDataSourceConfigurationSupplier()
                    .connectionPoolConfiguration(config -> config.maxSize(8)
                            .transactionIntegration(new NarayanaTransactionIntegration(transactions, registry))
                            .connectionFactoryConfiguration(factory -> factory.jdbcUrl(url))));
            entityManagers = new HibernatePersistenceConfiguration("demo").managedClass(Order.class)
                    .transactionType(PersistenceUnitTransactionType.JTA)
                    .property("jakarta.persistence.jtaDataSource", pool)
                    .property("hibernate.transaction.jta.platform", "Narayana")
                    .property("hibernate.hbm2ddl.auto", "update")
                    .createEntityManagerFactory();
        }
        return entityManagers;
    }

    @PreDestroy
    void close() {
        if (entityManagers != null) {
            entityManagers.close();
            pool.close();
        }
    }
}
