package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.spi.OutboundEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * A connection hears of a channel's events only after its {@code subscription_succeeded}, however a subscription
 * races the channel's events: pusher-js drops events of a channel it does not yet take as subscribed.
 */
class SubscribeBeforeEventsTest {
    private static final int SUBSCRIBERS = 20_000;

    private final LocalApp app = TestApps.single("order-key", "order-secret");
    private final ExecutorService publisher = Executors.newSingleThreadExecutor();

    @AfterEach
    void stop() {
        publisher.shutdownNow();
    }

    @Test
    void noEventReachesAConnectionBeforeItsSubscriptionSucceeded() throws Exception {
        AtomicBoolean subscribing = new AtomicBoolean(true);
        Future<?> events = publisher.submit(() -> {
            while (subscribing.get()) {
                app.publish(new OutboundEvent(List.of("news"), "Headline", "{}", null));
            }
        });
        List<RecordedFrames> clients = new ArrayList<>();
        for (int i = 0; i < SUBSCRIBERS; i++) {
            RecordedFrames outbox = new RecordedFrames();
            LocalSocket socket = app.open(outbox).orElseThrow();
            app.receive(socket, "{\"event\":\"pusher:subscribe\",\"data\":{\"channel\":\"news\"}}");
            clients.add(outbox);
            if (i % 1_000 == 999) {
                clients.forEach(client -> assertThat(firstFrameOfNews(client))
                        .contains("pusher_internal:subscription_succeeded"));
            }
        }
        subscribing.set(false);
        events.get();

        assertThat(clients).allSatisfy(client -> assertThat(firstFrameOfNews(client))
                .contains("pusher_internal:subscription_succeeded"));
    }

    private static String firstFrameOfNews(RecordedFrames client) {
        return client.frames.stream().filter(frame -> frame.contains("\"channel\":\"news\"")).findFirst().orElseThrow();
    }
}
