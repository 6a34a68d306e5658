package io.herald.local;

import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcaster;
import io.herald.events.ChannelEvent;
import io.herald.events.ClientEventReceived;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.events.OnConnection;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * What an application observes while real clients (pusher-java-client) use the {@code local} server: channel
 * events as CDI events, in the order they happened, narrowed by connection, with no effect of the observers on
 * delivery.
 */
class ChannelEventsTest {
    private static HeraldServer server;
    private static Observers observers;

    /** The application's observers; a singleton, so that the test reads its fields rather than a proxy's. */
    @Singleton
    public static class Observers {
        final List<String> seen = new CopyOnWriteArrayList<>();
        final List<String> seenAsync = new CopyOnWriteArrayList<>();
        final List<String> localOnly = new CopyOnWriteArrayList<>();
        final List<String> otherConnection = new CopyOnWriteArrayList<>();
        final List<ClientEventReceived> clientEvents = new CopyOnWriteArrayList<>();
        volatile String failOn = "";
        volatile CountDownLatch blockOn = new CountDownLatch(0);
        volatile String blockedChannel = "";

        void any(@Observes ChannelEvent event) throws InterruptedException {
            if (event.channel().equals(blockedChannel)) {
                blockOn.await(30, TimeUnit.SECONDS);
            }
            seen.add(describe(event));
            if (event.channel().equals(failOn)) {
                throw new IllegalStateException("an observer's bug");
            }
        }

        void later(@ObservesAsync ChannelEvent event) {
            seenAsync.add(describe(event));
        }

        void local(@Observes @OnConnection("local") MemberAdded added) {
            localOnly.add(added.userId());
        }

        void other(@Observes @OnConnection("other") MemberAdded added) {
            otherConnection.add(added.userId());
        }

        void typed(@Observes ClientEventReceived event) {
            clientEvents.add(event);
        }

        static String describe(ChannelEvent event) {
            String who = event instanceof MemberAdded added ? " " + added.userId()
                    : event instanceof MemberRemoved removed ? " " + removed.userId() : "";
            return event.getClass().getSimpleName() + " " + event.channel() + who;
        }
    }

    @BeforeAll
    static void start() {
        server = HeraldServer.atRoot(LocalEnv.config(), Observers.class);
        observers = server.container().select(Observers.class).get();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void clear() {
        observers.seen.clear();
        observers.seenAsync.clear();
    }

    @Test
    void presenceChangesAreObservedInTheOrderTheyHappened() throws Exception {
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribePresence("presence-hooks", ada.listener);
            next(ada.subscribed);
            try (JavaClient bob = new JavaClient(server, LocalEnv.KEY, "bob").connected()) {
                bob.pusher.subscribePresence("presence-hooks", bob.listener);
                next(bob.subscribed);
            }
            await().until(() -> observers.seen.contains("MemberRemoved presence-hooks bob"));
        }

        List<String> expected = List.of("ChannelOccupied presence-hooks", "MemberAdded presence-hooks ada",
                "MemberAdded presence-hooks bob", "MemberRemoved presence-hooks bob", "MemberRemoved presence-hooks ada",
                "ChannelVacated presence-hooks");
        await().untilAsserted(() -> assertThat(observers.seen).containsExactlyElementsOf(expected));
        await().untilAsserted(() -> assertThat(observers.seenAsync).containsExactlyInAnyOrderElementsOf(expected));
    }

    @Test
    void anObserverNarrowedToAConnectionSeesOnlyThatConnection() throws Exception {
        try (JavaClient cy = new JavaClient(server, LocalEnv.KEY, "cy").connected()) {
            cy.pusher.subscribePresence("presence-narrow", cy.listener);
            next(cy.subscribed);
            await().untilAsserted(() -> assertThat(observers.localOnly).contains("cy"));
        }
        assertThat(observers.otherConnection).isEmpty();
    }

    @Test
    void aClientEventIsObservedWithItsSenderAndData() throws Exception {
        try (JavaClient dee = new JavaClient(server, LocalEnv.KEY, "dee").connected()) {
            var channel = dee.pusher.subscribePresence("presence-typing", dee.listener);
            next(dee.subscribed);

            channel.trigger("client-typing", "{\"who\":\"dee\"}");

            await().until(() -> !observers.clientEvents.isEmpty());
            ClientEventReceived typing = observers.clientEvents.get(0);
            assertThat(typing.connection()).isEqualTo("local");
            assertThat(typing.channel()).isEqualTo("presence-typing");
            assertThat(typing.event()).isEqualTo("client-typing");
            assertThat(typing.data()).isEqualTo("{\"who\":\"dee\"}");
            assertThat(typing.socketId()).isEqualTo(dee.pusher.getConnection().getSocketId());
            assertThat(typing.userId()).isEqualTo(Optional.of("dee"));
        }
    }

    @Test
    void aSubscriberOfAnEmptyCacheChannelMakesACacheMiss() throws Exception {
        try (JavaClient gil = new JavaClient(server, LocalEnv.KEY, "gil").connected()) {
            gil.pusher.subscribe("cache-nothing-yet", gil.listener);
            next(gil.subscribed);

            await().untilAsserted(() -> assertThat(observers.seen).contains("CacheMiss cache-nothing-yet"));
        }
    }

    @Test
    void anObserverThatThrowsIsLoggedAndChangesNothingForClients() throws Exception {
        observers.failOn = "failing";
        try (LogCapture log = LogCapture.everything();
                JavaClient eve = new JavaClient(server, LocalEnv.KEY, "eve").connected()) {
            eve.pusher.subscribe("failing", eve.listener, "Said");
            assertThat(next(eve.subscribed)).isEqualTo("failing");

            await().untilAsserted(() -> assertThat(log.text()).contains("HERALD-0217: An observer of ChannelOccupied "
                    + "on 'failing' threw; clients are not affected"));
            server.container().select(Broadcaster.class).get().channel("failing", "Said", Map.of("n", 1));
            assertThat(next(eve.events).getData()).isEqualTo("{\"n\":1}");
        } finally {
            observers.failOn = "";
        }
    }

    @Test
    void aBlockedObserverDoesNotHoldUpDelivery() throws Exception {
        CountDownLatch release = new CountDownLatch(1);
        observers.blockOn = release;
        observers.blockedChannel = "slow";
        try (JavaClient fay = new JavaClient(server, LocalEnv.KEY, "fay").connected()) {
            fay.pusher.subscribe("slow", fay.listener, "Said");
            assertThat(next(fay.subscribed)).isEqualTo("slow");

            server.container().select(Broadcaster.class).get().channel("slow", "Said", Map.of("n", 2));

            assertThat(next(fay.events).getData()).isEqualTo("{\"n\":2}");
            assertThat(observers.seen).as("the observer is still blocked on ChannelOccupied")
                    .doesNotContain("ChannelOccupied slow");
        } finally {
            release.countDown();
            observers.blockedChannel = "";
        }
        await().atMost(Duration.ofSeconds(10)).until(() -> observers.seen.contains("ChannelOccupied slow"));
        assertThat(observers.seen).filteredOn(seen -> seen.endsWith(" slow")).first().isEqualTo("ChannelOccupied slow");
    }
}
