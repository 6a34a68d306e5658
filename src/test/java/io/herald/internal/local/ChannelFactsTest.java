package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.cluster.ChannelFacts;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * A single instance reports what happens on channels, after each change: a channel's first subscriber and its last,
 * its subscription count, and presence members coming and going (what CDI events and webhooks build on).
 */
class ChannelFactsTest {
    private static final String KEY = "facts-key";
    private static final String SECRET = "facts-secret";

    private final List<String> facts = new CopyOnWriteArrayList<>();
    private final LocalApp app = TestApps.single(KEY, SECRET, new ChannelFacts() {
                @Override
                public void occupied(String channel) {
                    facts.add("occupied " + channel);
                }

                @Override
                public void vacated(String channel) {
                    facts.add("vacated " + channel);
                }

                @Override
                public void memberAdded(String channel, String userId) {
                    facts.add("added " + userId);
                }

                @Override
                public void memberRemoved(String channel, String userId) {
                    facts.add("removed " + userId);
                }

                @Override
                public void subscriptionCount(String channel, int count) {
                    facts.add("count " + channel + " " + count);
                }
            });

    @Test
    void aPublicChannelIsOccupiedByItsFirstSubscriberAndVacatedByItsLast() {
        LocalSocket first = connect();
        LocalSocket second = connect();

        subscribe(first, "news");
        subscribe(second, "news");
        unsubscribe(first, "news");
        unsubscribe(second, "news");

        assertThat(facts).containsExactly("occupied news", "count news 1", "count news 2", "count news 1",
                "count news 0", "vacated news");
    }

    @Test
    void aPresenceMemberIsAddedOnceAndRemovedWithTheirLastConnectionAsPusherOrdersWebhooks() {
        LocalSocket ada = connect();
        LocalSocket bob = connect();
        LocalSocket bobsSecondTab = connect();

        join(ada, "presence-room", "ada");
        join(bob, "presence-room", "bob");
        join(bobsSecondTab, "presence-room", "bob");
        app.closed(bob);
        app.closed(bobsSecondTab);
        app.closed(ada);

        assertThat(facts).containsExactly("occupied presence-room", "added ada", "added bob", "removed bob",
                "removed ada", "vacated presence-room");
    }

    private LocalSocket connect() {
        return app.open(new FrameSink() {
            @Override
            public void send(String frame, Consumer<Throwable> done) {
                done.accept(null);
            }

            @Override
            public void close(int code, String reason) {
            }
        }).orElseThrow();
    }

    private void subscribe(LocalSocket socket, String channel) {
        app.receive(socket, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }

    private void unsubscribe(LocalSocket socket, String channel) {
        app.receive(socket, "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }

    private void join(LocalSocket socket, String channel, String user) {
        app.receive(socket, RecordedFrames.presenceSubscribe(socket.socketId(), channel, user, KEY, SECRET));
    }
}
