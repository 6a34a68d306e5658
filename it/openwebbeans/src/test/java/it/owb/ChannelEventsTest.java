package it.owb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.MemberAdded;
import io.herald.internal.hooks.ChannelEventPublisher;
import io.herald.internal.hooks.ChannelEventPublishers;
import jakarta.enterprise.inject.se.SeContainer;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Channel events (what the {@code local} server and Pusher's webhooks report) reach the application's observers
 * under OpenWebBeans as under Weld: in order, asynchronous observers too, narrowed by {@code @OnConnection}, and an
 * observer's exception stops neither the others nor the events after it. The events enter where both the server and
 * the webhook endpoint hand them over, each connection's publisher.
 */
class ChannelEventsTest {
    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    @Test
    void channelEventsReachObserversInOrderAndAsynchronouslyToo() {
        try (SeContainer container = start()) {
            publish(container, "local", new ChannelOccupied("local", "presence-room", NOW),
                    new MemberAdded("local", "presence-room", "ada", NOW));

            PresenceWatch watch = container.select(PresenceWatch.class).get();
            List<String> expected = List.of("ChannelOccupied local presence-room",
                    "MemberAdded local presence-room ada");
            await().untilAsserted(() -> assertThat(watch.seen).containsExactlyElementsOf(expected));
            await().untilAsserted(() -> assertThat(watch.seenAsync).containsExactlyInAnyOrderElementsOf(expected));
        }
    }

    @Test
    void anObserverNarrowedToAConnectionHearsOnlyThatConnection() {
        try (SeContainer container = start()) {
            publish(container, "other", new MemberAdded("other", "presence-room", "bob", NOW));
            publish(container, "local", new MemberAdded("local", "presence-room", "ada", NOW));

            PresenceWatch watch = container.select(PresenceWatch.class).get();
            await().until(() -> watch.seen.size() == 2);
            assertThat(watch.joinedLocal).containsExactly("ada");
        }
    }

    @Test
    void anObserversExceptionDoesNotStopTheEventsAfterIt() {
        try (SeContainer container = start()) {
            publish(container, "local", new MemberAdded("local", "presence-broken", "ada", NOW),
                    new MemberAdded("local", "presence-room", "bob", NOW));

            PresenceWatch watch = container.select(PresenceWatch.class).get();
            await().untilAsserted(() -> assertThat(watch.seen).containsExactly(
                    "MemberAdded local presence-broken ada", "MemberAdded local presence-room bob"));
        }
    }

    private static SeContainer start() {
        return OpenWebBeansHerald.start(new Class<?>[] {PresenceWatch.class}, "broadcast.default=memory",
                "broadcast.memory.driver=memory");
    }

    private static void publish(SeContainer container, String connection, ChannelEvent... events) {
        ChannelEventPublisher publisher = container.select(ChannelEventPublishers.class).get().forConnection(connection);
        for (ChannelEvent event : events) {
            publisher.publish(event);
        }
    }
}
