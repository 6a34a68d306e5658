package io.herald.engine;

import io.herald.BroadcastFailed;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Records every {@link BroadcastFailed}, as an application's observer would. */
@ApplicationScoped
public class Failures {
    // Static as well, to be read after the container that held the bean has stopped.
    private static final List<BroadcastFailed> LAST_CONTAINER = new CopyOnWriteArrayList<>();
    private final List<BroadcastFailed> seen = new CopyOnWriteArrayList<>();

    @jakarta.annotation.PostConstruct
    void forgetTheLastContainer() {
        LAST_CONTAINER.clear();
    }

    void record(@Observes BroadcastFailed failed) {
        seen.add(failed);
        LAST_CONTAINER.add(failed);
    }

    public List<BroadcastFailed> seen() {
        return List.copyOf(seen);
    }

    /** What the bean of the last container saw, read after that container stopped. */
    public static List<BroadcastFailed> seenByTheLastContainer() {
        return List.copyOf(LAST_CONTAINER);
    }
}
