package io.herald.internal.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Presence events reach every member in the order of the changes they describe, so that the member list a client
 * builds from them (as pusher-js does) always equals the channel's members, however joins and leaves race.
 */
class PresenceOrderTest {
    private static final String KEY = "order-key";
    private static final String SECRET = "order-secret";
    private static final int ROUNDS = 300;
    private static final int PAIRS = 20;

    private final LocalApp app = TestApps.single(KEY, SECRET);
    private final ExecutorService threads = Executors.newFixedThreadPool(2 * PAIRS);

    @AfterEach
    void stop() {
        threads.shutdownNow();
    }

    private record Client(LocalSocket socket, RecordedFrames outbox) {
    }

    private Client connect() {
        RecordedFrames outbox = new RecordedFrames();
        return new Client(app.open(outbox).orElseThrow(), outbox);
    }

    private void join(Client client, String channel, String user) {
        app.receive(client.socket(), RecordedFrames.presenceSubscribe(client.socket().socketId(), channel, user, KEY,
                SECRET));
    }

    private void leave(Client client, String channel) {
        app.receive(client.socket(), "{\"event\":\"pusher:unsubscribe\",\"data\":{\"channel\":\"" + channel + "\"}}");
    }

    /** The member list a client builds from what it received, failing on an event that contradicts it. */
    private static Set<String> membersSeenBy(Client client, String channel) {
        Set<String> members = new LinkedHashSet<>();
        for (String text : client.outbox().frames) {
            JsonObject frame = JsonParser.parseString(text).getAsJsonObject();
            if (!frame.has("channel") || !frame.get("channel").getAsString().equals(channel)) {
                continue;
            }
            JsonObject data = JsonParser.parseString(frame.get("data").getAsString()).getAsJsonObject();
            switch (frame.get("event").getAsString()) {
                case "pusher_internal:subscription_succeeded" -> data.getAsJsonObject("presence").getAsJsonArray("ids")
                        .forEach(id -> members.add(id.getAsString()));
                case "pusher_internal:member_added" -> assertThat(members.add(data.get("user_id").getAsString()))
                        .as("member_added for a member already listed").isTrue();
                case "pusher_internal:member_removed" -> assertThat(members.remove(data.get("user_id").getAsString()))
                        .as("member_removed for a member not listed").isTrue();
                default -> {
                }
            }
        }
        return members;
    }

    @Test
    void sameUserLeavingOnOneConnectionWhileJoiningOnAnotherStaysAMemberForEveryone() throws Exception {
        for (int round = 0; round < ROUNDS; round++) {
            String channel = "presence-room-" + round;
            Client observer = connect();
            join(observer, channel, "observer");
            List<Client> leaving = new ArrayList<>();
            List<Client> joining = new ArrayList<>();
            for (int pair = 0; pair < PAIRS; pair++) {
                Client first = connect();
                join(first, channel, "user-" + pair);
                leaving.add(first);
                joining.add(connect());
            }

            CyclicBarrier start = new CyclicBarrier(2 * PAIRS);
            List<Future<?>> switches = new ArrayList<>();
            for (int pair = 0; pair < PAIRS; pair++) {
                Client left = leaving.get(pair);
                Client joined = joining.get(pair);
                String user = "user-" + pair;
                switches.add(threads.submit(() -> {
                    start.await();
                    leave(left, channel);
                    return null;
                }));
                switches.add(threads.submit(() -> {
                    start.await();
                    join(joined, channel, user);
                    return null;
                }));
            }
            for (Future<?> done : switches) {
                done.get();
            }

            Set<String> members = Set.copyOf(app.users(channel));
            assertThat(membersSeenBy(observer, channel)).as("round %d", round).isEqualTo(members);
            for (Client client : joining) {
                assertThat(membersSeenBy(client, channel)).as("round %d", round).isEqualTo(members);
            }
        }
    }
}
