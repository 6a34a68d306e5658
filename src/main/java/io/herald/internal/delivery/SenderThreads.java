package io.herald.internal.delivery;

import io.herald.internal.OptionalClasses;
import io.herald.internal.background.Background;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.naming.InitialContext;
import javax.naming.NamingException;

/**
 * The threads a connection's queue is sent on: the container's managed executor where it offers one (Jakarta
 * Concurrency's default in WildFly and Payara, MicroProfile Context Propagation's {@code ManagedExecutor} in Quarkus),
 * so that they are managed, named and stopped as the container expects; else threads of Herald's own, which it stops.
 * Found without compiling against either API: both executors are {@link ExecutorService}s.
 *
 * <pre>{@code
 * SenderThreads threads = SenderThreads.find("pusher");
 * threads.executor().execute(task);
 * threads.close();   // stops Herald's own threads; a container's executor is the container's to stop
 * }</pre>
 *
 * @param executor where sender tasks run
 * @param source where it came from, for the log
 * @param owned whether Herald made it and must stop it
 */
record SenderThreads(Executor executor, String source, boolean owned) implements AutoCloseable {
    static final String JAKARTA_DEFAULT = "java:comp/DefaultManagedExecutorService";
    static final String MICROPROFILE = "org.eclipse.microprofile.context.ManagedExecutor";

    /** The container's executor if there is one, else daemon threads named after the connection. */
    static SenderThreads find(String connection) {
        return fromJndi().or(SenderThreads::fromMicroProfile).orElseGet(() -> own(connection));
    }

    /** Herald's own daemon threads, {@code herald-sender-<connection>-<n>}, gone after a minute idle. */
    static SenderThreads own(String connection) {
        return new SenderThreads(Executors.newCachedThreadPool(
                Background.system().named("herald-sender-" + connection)), "Herald's own threads", true);
    }

    private static Optional<SenderThreads> fromJndi() {
        try {
            Object found = new InitialContext().lookup(JAKARTA_DEFAULT);
            return found instanceof ExecutorService executor
                    ? Optional.of(new SenderThreads(executor, JAKARTA_DEFAULT, false)) : Optional.empty();
        } catch (NamingException | RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    private static Optional<SenderThreads> fromMicroProfile() {
        try {
            return OptionalClasses.find(MICROPROFILE).map(type -> CDI.current().select(type))
                    .filter(candidates -> candidates.isResolvable())
                    .map(candidates -> candidates.get() instanceof ExecutorService executor
                            ? new SenderThreads(executor, MICROPROFILE, false) : null);
        } catch (RuntimeException | LinkageError e) {
            return Optional.empty();
        }
    }

    @Override
    public void close() {
        if (owned) {
            ((ExecutorService) executor).shutdown();
        }
    }
}
