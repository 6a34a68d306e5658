package io.herald.local;

import static io.herald.local.JavaClient.next;
import static org.assertj.core.api.Assertions.assertThat;

import io.herald.auth.PublicSubscriptionGuard;
import io.herald.testing.HeraldServer;
import io.herald.testing.LogCapture;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * An application's {@link PublicSubscriptionGuard} decides who may subscribe to public channels: a refused client
 * gets {@code pusher:subscription_error} with the guard's status and reason (read off the wire: pusher-java-client
 * does not report it for public channels), the guard sees the page's origin, pusher-java-client's allowed
 * subscriptions and private channels are unaffected, and a guard that throws refuses with 503 and is logged.
 */
class PublicSubscriptionGuardTest {
    private static HeraldServer server;

    /** Acme's channels only from Acme's site; "broken." channels make the guard fail. */
    @ApplicationScoped
    public static class TenantChannels implements PublicSubscriptionGuard {
        private final List<PublicSubscription> asked = new CopyOnWriteArrayList<>();

        List<PublicSubscription> asked() {
            return asked;
        }

        @Override
        public Optional<Refusal> check(PublicSubscription subscription) {
            asked.add(subscription);
            if (subscription.channel().startsWith("broken.")) {
                throw new IllegalStateException("tenant directory is down");
            }
            boolean fromAcme = subscription.origin().filter("https://acme.example.com"::equals).isPresent();
            return subscription.channel().startsWith("acme.") && !fromAcme
                    ? Optional.of(new Refusal(403, "Only from Acme's site")) : Optional.empty();
        }
    }

    @BeforeAll
    static void start() {
        server = HeraldServer.atRoot(LocalEnv.config(), TenantChannels.class);
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    // The frame the server answers a subscription with, from a client whose page is at `origin` (null: none).
    private static String subscribe(String channel, String origin) throws Exception {
        try (RawSocket socket = origin == null ? RawSocket.open(server.webSocket(LocalEnv.KEY))
                : RawSocket.open(server.webSocket(LocalEnv.KEY), origin)) {
            socket.socketId();
            socket.subscribe(channel);
            return socket.next();
        }
    }

    @Test
    void aRefusedPublicSubscriptionGetsTheGuardsStatusAndReason() throws Exception {
        assertThat(subscribe("acme.orders", "https://evil.example.com")).isEqualTo("{\"event\":"
                + "\"pusher:subscription_error\",\"channel\":\"acme.orders\",\"data\":\"{\\\"type\\\":\\\"AuthError\\\","
                + "\\\"error\\\":\\\"Only from Acme's site\\\",\\\"status\\\":403}\"}");
    }

    @Test
    void theGuardSeesThePagesOrigin() throws Exception {
        assertThat(subscribe("acme.orders", "https://acme.example.com"))
                .contains("pusher_internal:subscription_succeeded");
    }

    @Test
    void theGuardIsToldTheConnectionChannelAndSocket() throws Exception {
        TenantChannels guard = server.container().select(TenantChannels.class).get();
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribe("news", ada.listener);
            assertThat(next(ada.subscribed)).isEqualTo("news");

            PublicSubscriptionGuard.PublicSubscription asked = guard.asked().get(guard.asked().size() - 1);
            assertThat(asked.connection()).isEqualTo("local");
            assertThat(asked.channel()).isEqualTo("news");
            assertThat(asked.socketId()).isEqualTo(ada.pusher.getConnection().getSocketId());
            assertThat(asked.origin()).as("pusher-java-client sends no Origin").isEmpty();
        }
    }

    @Test
    void privateChannelsAreNotAskedAbout() throws Exception {
        TenantChannels guard = server.container().select(TenantChannels.class).get();
        try (JavaClient ada = new JavaClient(server, LocalEnv.KEY, "ada").connected()) {
            ada.pusher.subscribePrivate("private-acme.orders", ada.listener);

            assertThat(next(ada.subscribed)).isEqualTo("private-acme.orders");
            assertThat(guard.asked()).extracting(PublicSubscriptionGuard.PublicSubscription::channel)
                    .doesNotContain("private-acme.orders");
        }
    }

    @Test
    void aGuardThatThrowsRefusesWith503AndIsLogged() throws Exception {
        try (LogCapture log = new LogCapture()) {
            assertThat(subscribe("broken.feed", null)).contains("pusher:subscription_error").contains("\\\"status\\\":503");
            assertThat(log.text()).contains("HERALD-0229: The PublicSubscriptionGuard failed on a subscription to "
                    + "'broken.feed' of connection 'local'").contains("tenant directory is down");
        }
    }
}
