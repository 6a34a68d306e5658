package io.herald.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The cluster's wire format has two authors, {@link BusCodec} and the Lua of {@link RedisScripts}: every kind of bus
 * message, whoever writes it, reads back as what was meant, and every key the scripts create is one
 * {@link RedisKeys} names. Against a real redis-server.
 */
class BusSchemaTest {
    private static final String PREFIX = "herald:schema";
    private static final RedisKeys KEYS = new RedisKeys(PREFIX);

    @RegisterExtension
    static final RedisBus redis = new RedisBus(KEYS);

    private static Long run(String script, String... arguments) {
        String[] argv = new String[arguments.length + 1];
        argv[0] = PREFIX;
        System.arraycopy(arguments, 0, argv, 1, arguments.length);
        return redis.commands().eval(script, ScriptOutputType.INTEGER, new String[0], argv);
    }

    private static BusCodec.Incoming next() throws InterruptedException {
        String text = redis.messages().poll(5, TimeUnit.SECONDS);
        assertThat(text).as("a message on the bus").isNotNull();
        return BusCodec.decode(text).orElseThrow(() -> new AssertionError("not understood: " + text));
    }

    private static BusCodec.Incoming roundTrip(String json) {
        return BusCodec.decode(json).orElseThrow(() -> new AssertionError("not understood: " + json));
    }

    @Test
    void everyKindOfMessageReadsBackAsWhatWasMeant() throws Exception {
        ClusterMessage.Published event = new ClusterMessage.Published(List.of("orders", "private-audit"), "Shipped",
                "{\"id\":7}", "1.2", "ada");
        assertThat(roundTrip(BusCodec.encode(event))).isEqualTo(new BusCodec.ForRegistry(event, null));
        assertThat(roundTrip(BusCodec.encode(new ClusterMessage.Terminate("42"))))
                .isEqualTo(new BusCodec.ForRegistry(new ClusterMessage.Terminate("42"), null));
        assertThat(BusCodec.decodeCached(BusCodec.encode(new CachedEvent("Price", "{\"eur\":3}"))))
                .contains(new CachedEvent("Price", "{\"eur\":3}"));

        run(RedisScripts.JOIN, "node-1", "presence-room", "ada", "{\"name\":\"Ada\"}", "11.22", "100", "");
        assertThat(next()).isEqualTo(new BusCodec.Occupancy("presence-room", true, "node-1"));
        assertThat(next()).isEqualTo(new BusCodec.ForRegistry(new ClusterMessage.MemberJoined("presence-room",
                "11.22", "ada", "{\"name\":\"Ada\"}", true, Map.of("ada", "{\"name\":\"Ada\"}")), "node-1"));

        run(RedisScripts.JOIN, "node-2", "presence-room", "ada", "{\"name\":\"Ada\"}", "33.44", "100", "");
        assertThat(next()).as("a second connection of a member").isEqualTo(new BusCodec.ForRegistry(
                new ClusterMessage.MemberJoined("presence-room", "33.44", "ada", "{\"name\":\"Ada\"}", false,
                        Map.of("ada", "{\"name\":\"Ada\"}")), "node-2"));

        run(RedisScripts.SNAPSHOT, "node-1", "presence-room");
        assertThat(next()).isEqualTo(new BusCodec.ForRegistry(new ClusterMessage.Snapshot("presence-room",
                Map.of("ada", "{\"name\":\"Ada\"}")), "node-1"));

        run(RedisScripts.LEAVE, "node-1", "presence-room", "ada");
        run(RedisScripts.LEAVE, "node-2", "presence-room", "ada");
        assertThat(next()).isEqualTo(new BusCodec.ForRegistry(new ClusterMessage.MemberLeft("presence-room", "ada"),
                "node-2"));
        assertThat(next()).isEqualTo(new BusCodec.Occupancy("presence-room", false, "node-2"));

        run(RedisScripts.SYNC, "node-3", "{}", "{\"presence-hall\\nbob\":{\"n\":1,\"i\":\"{}\"}}");
        assertThat(next()).isEqualTo(new BusCodec.ForRegistry(new ClusterMessage.MemberJoined("presence-hall", null,
                "bob", "{}", true, Map.of()), "node-3"));
        assertThat(next()).isEqualTo(new BusCodec.Reregistered("node-3"));
        assertThat(redis.messages()).isEmpty();
    }

    @Test
    void everyKeyTheScriptsCreateIsOneRedisKeysNames() {
        run(RedisScripts.HEARTBEAT, "node-9", "10000");
        run(RedisScripts.COUNT, "node-9", "news", "1");
        run(RedisScripts.JOIN, "node-9", "presence-lobby", "cy", "{}", "5.6", "100", "");

        Set<String> named = Set.of(KEYS.nodes(), KEYS.node("node-9"), KEYS.channels(), KEYS.subscriptions("node-9"),
                KEYS.presence("node-9"), KEYS.presenceCounts("presence-lobby"), KEYS.presenceUsers("presence-lobby"));
        assertThat(redis.commands().keys(PREFIX + ":*")).isNotEmpty().allSatisfy(key -> assertThat(named).contains(key));
        assertThat(redis.commands().hget(KEYS.channels(), "news")).isEqualTo("1");
        assertThat(redis.commands().hkeys(KEYS.presenceUsers("presence-lobby"))).containsExactly("cy");
    }
}
