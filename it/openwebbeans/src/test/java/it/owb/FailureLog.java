package it.owb;

import io.herald.BroadcastFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/** The application's observer of {@link BroadcastFailed}. */
@ApplicationScoped
public class FailureLog {
    private final List<BroadcastFailed> failures = new CopyOnWriteArrayList<>();
    private final CountDownLatch first = new CountDownLatch(1);

    void failed(@Observes BroadcastFailed failed) {
        failures.add(failed);
        first.countDown();
    }

    /** Waits up to {@code seconds} for the first failure; whether it came. */
    boolean awaitFirst(long seconds) throws InterruptedException {
        return first.await(seconds, TimeUnit.SECONDS);
    }

    List<BroadcastFailed> failures() {
        return failures;
    }
}
