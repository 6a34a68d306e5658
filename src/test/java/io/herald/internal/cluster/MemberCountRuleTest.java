package io.herald.internal.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.ScriptOutputType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Who is a presence member is decided twice: by {@link MemberCounts} in Java (a single instance, and each instance's
 * share) and by the Lua {@code presence()} of {@link RedisScripts} (the cluster). The same joins and leaves give the
 * same answers and the same members on both sides, against a real redis-server.
 */
class MemberCountRuleTest {
    private static final String PREFIX = "herald:rule";
    private static final String CHANNEL = "presence-room";
    private static final RedisKeys KEYS = new RedisKeys(PREFIX);

    @RegisterExtension
    static final RedisBus redis = new RedisBus(KEYS);

    private final MemberCounts java = new MemberCounts();

    @Test
    void aUserIsNewWithTheirFirstConnectionOnly() {
        assertThat(join("ada", "{\"n\":1}")).isEqualTo(Answer.NEW_MEMBER);
        assertThat(join("ada", "{\"n\":2}")).isEqualTo(Answer.ANOTHER_CONNECTION);
        assertSameMembers(Map.of("ada", "{\"n\":1}"));
    }

    @Test
    void aMemberLeavesWithTheirLastConnection() {
        join("ada", "{}");
        join("ada", "{}");
        join("bob", "{}");

        leave("ada");
        assertSameMembers(Map.of("ada", "{}", "bob", "{}"));
        leave("ada");
        assertSameMembers(Map.of("bob", "{}"));
    }

    @Test
    void aLeaveOfSomeoneWithNoConnectionChangesNothing() {
        join("ada", "{}");

        leave("bob");
        leave("ada");
        leave("ada");
        join("ada", "{}");

        assertSameMembers(Map.of("ada", "{}"));
    }

    @Test
    void aFullChannelRefusesNewUsersButNotAnotherConnectionOfAMember() {
        assertThat(join("ada", "{}", 2)).isEqualTo(Answer.NEW_MEMBER);
        assertThat(join("bob", "{}", 2)).isEqualTo(Answer.NEW_MEMBER);

        assertThat(join("cleo", "{}", 2)).isEqualTo(Answer.FULL);
        assertThat(join("bob", "{}", 2)).isEqualTo(Answer.ANOTHER_CONNECTION);
        assertSameMembers(Map.of("ada", "{}", "bob", "{}"));
    }

    @Test
    void aWatchlistJoinIsToldOnlyTheWatchedMembersOnBothSides() throws InterruptedException {
        join("ada", "{}");
        join("bob", "{}");
        PresenceJoin online = PresenceJoin.online(CHANNEL, "1.3", "cleo", List.of("bob", "dan"));

        answerInRedis(online);
        java.join("cleo", "{}");

        ClusterMessage.MemberJoined joined = nextJoinOf("cleo");
        assertThat(joined.members()).isEqualTo(online.reported(java.infos())).containsOnlyKeys("bob");
    }

    private enum Answer { NEW_MEMBER, ANOTHER_CONNECTION, FULL }

    private Answer join(String userId, String info) {
        return join(userId, info, 100);
    }

    // Both sides answer; the test fails at once when they differ.
    private Answer join(String userId, String info, int maxMembers) {
        PresenceJoin join = PresenceJoin.subscription(CHANNEL, "1.2", userId, info, maxMembers);
        Answer lua = answerInRedis(join);
        Answer javaAnswer = !join.fits(java) ? Answer.FULL
                : java.join(userId, info) ? Answer.NEW_MEMBER : Answer.ANOTHER_CONNECTION;
        assertThat(lua).as("Lua's answer to %s joining", userId).isEqualTo(javaAnswer);
        return javaAnswer;
    }

    private static Answer answerInRedis(PresenceJoin join) {
        long result = redis.commands().eval(RedisScripts.JOIN, ScriptOutputType.INTEGER, new String[0],
                RedisScripts.joinArguments(PREFIX, "node-a", join));
        return result < 0 ? Answer.FULL : result == 1 ? Answer.NEW_MEMBER : Answer.ANOTHER_CONNECTION;
    }

    private void leave(String userId) {
        redis.commands().eval(RedisScripts.LEAVE, ScriptOutputType.INTEGER, new String[0], PREFIX, "node-a", CHANNEL, userId);
        java.leave(userId);
    }

    private void assertSameMembers(Map<String, String> expected) {
        Map<String, String> inRedis = new LinkedHashMap<>(redis.commands().hgetall(KEYS.presenceUsers(CHANNEL)));
        assertThat(java.infos()).as("Java's members").isEqualTo(expected);
        assertThat(inRedis).as("Lua's members").isEqualTo(expected);
    }

    // The joins before it are on the bus too, and may still be arriving.
    private static ClusterMessage.MemberJoined nextJoinOf(String userId) throws InterruptedException {
        while (true) {
            String text = redis.messages().poll(5, TimeUnit.SECONDS);
            assertThat(text).as("a join on the bus").isNotNull();
            if (BusCodec.decode(text).orElseThrow() instanceof BusCodec.ForRegistry registry
                    && registry.message() instanceof ClusterMessage.MemberJoined joined
                    && joined.userId().equals(userId)) {
                return joined;
            }
        }
    }
}
