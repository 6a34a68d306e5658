package it.app;

import io.herald.events.MemberAdded;
import io.herald.events.OnConnection;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The application's own record of who joined which presence channel of its local server. */
@ApplicationScoped
public class PresenceLog {
    private final List<String> joined = new CopyOnWriteArrayList<>();

    void joined(@Observes @OnConnection("local") MemberAdded added) {
        joined.add(added.channel() + " " + added.userId());
    }

    /** Each join as {@code channel user}, in order. */
    public List<String> joined() {
        return List.copyOf(joined);
    }
}
