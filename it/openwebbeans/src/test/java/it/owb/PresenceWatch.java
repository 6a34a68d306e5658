package it.owb;

import io.herald.events.ChannelEvent;
import io.herald.events.MemberAdded;
import io.herald.events.OnConnection;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * An application's observers of channel events: every event in order, the same asynchronously, and the members who
 * joined through one connection only. One of them fails on a channel, as an application's bug would.
 * A test adds it with {@link OpenWebBeansHerald#start(Class[], String...)}.
 */
@Singleton
public class PresenceWatch {
    final List<String> seen = new CopyOnWriteArrayList<>();
    final List<String> seenAsync = new CopyOnWriteArrayList<>();
    final List<String> joinedLocal = new CopyOnWriteArrayList<>();

    void any(@Observes ChannelEvent event) {
        seen.add(describe(event));
        if (event.channel().equals("presence-broken")) {
            throw new IllegalStateException("an observer's bug");
        }
    }

    void later(@ObservesAsync ChannelEvent event) {
        seenAsync.add(describe(event));
    }

    void local(@Observes @OnConnection("local") MemberAdded added) {
        joinedLocal.add(added.userId());
    }

    static String describe(ChannelEvent event) {
        return event.getClass().getSimpleName() + " " + event.connection() + " " + event.channel()
                + (event instanceof MemberAdded added ? " " + added.userId() : "");
    }
}
