package it.wildfly;

import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.awaitility.core.ConditionTimeoutException;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The transactional outbox in WildFly, on its default data source (ExampleDS, H2, here in file mode and with
 * {@code WRITE_DELAY=0}, so that a commit is on disk before it returns and survives a crash: H2 otherwise flushes
 * commits up to half a second later, and kill -9 loses them), in front of the Pusher REST stand-in: a business transaction that rolls back sends nothing, one
 * that commits is delivered, and a server killed with kill -9 in the middle of 2,000 events delivers every committed
 * one after it is started again.
 */
class WildFlyOutboxTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static PusherRestStandIn pusher;
    private static WildFlyInstance server;

    @BeforeAll
    static void start() throws Exception {
        pusher = new PusherRestStandIn();
        Path home = Path.of(System.getProperty("wildfly.home"));
        Map<String, String> properties = new HashMap<>(pusher.settingsFor("durable"));
        properties.putAll(Map.of("broadcast.durable.outbox", "jdbc", "broadcast.durable.outbox.lease-seconds", "5",
                "broadcast.durable.retry.deadline-ms", "3000"));
        server = WildFlyInstance.create(home, "outbox", Path.of(System.getProperty("deployments"), "ROOT.war"),
                properties,
                xml -> xml.replace("jdbc:h2:mem:test;DB_CLOSE_DELAY=-1",
                        "jdbc:h2:file:${jboss.server.data.dir}/outbox;WRITE_DELAY=0"));
        server.start();
    }

    @AfterAll
    static void stop() throws Exception {
        server.close();
        pusher.close();
    }

    @Test
    void aTransactionThatRollsBackSendsNothingAndOneThatCommitsIsDelivered() throws Exception {
        assertEquals(409, post("outbox/rollback/0/5"));
        assertEquals(204, post("outbox/commit/100/5"));

        await().atMost(Duration.ofSeconds(30)).until(() -> seqs().containsAll(List.of(100, 101, 102, 103, 104)));
        assertTrue(seqs().stream().noneMatch(seq -> seq < 5), "nothing of the rolled-back transaction: " + seqs());
    }

    @Test
    void afterKillMinus9EveryCommittedEventIsDeliveredAtLeastOnceAndNoRolledBackOne() throws Exception {
        pusher.delayAnswers(Duration.ofMillis(20));
        Set<Integer> committed = new HashSet<>();
        for (int batch = 0; batch < 40; batch++) {
            int from = 10_000 + batch * 50;
            boolean commit = batch % 4 != 3;
            assertEquals(commit ? 204 : 409, post("outbox/" + (commit ? "commit" : "rollback") + "/" + from + "/50"));
            if (commit) {
                IntStream.range(from, from + 50).forEach(committed::add);
            }
        }
        await().atMost(Duration.ofSeconds(60)).until(() -> crashBatch().size() >= 100);
        int beforeCrash = crashBatch().size();
        server.kill();
        pusher.delayAnswers(Duration.ZERO);

        server.start();

        try {
            await().atMost(Duration.ofMinutes(3)).until(() -> crashBatch().containsAll(committed));
        } catch (ConditionTimeoutException e) {
            Set<Integer> missing = new HashSet<>(committed);
            missing.removeAll(crashBatch());
            throw new AssertionError(missing.size() + " committed events never arrived, such as "
                    + missing.stream().sorted().limit(10).toList() + "; " + pusher.publishedCount() + " published", e);
        }
        List<Integer> delivered = pusher.published().stream().map(WildFlyOutboxTest::seq)
                .filter(seq -> seq >= 10_000).toList();
        Set<Integer> rolledBack = new HashSet<>(delivered);
        rolledBack.removeAll(committed);
        System.out.println("Outbox crash test: " + committed.size() + " committed events (of 2,000 fired), "
                + beforeCrash + " delivered before kill -9, " + delivered.size() + " deliveries in all, "
                + (delivered.size() - new HashSet<>(delivered).size()) + " duplicates, " + rolledBack.size()
                + " rolled-back events delivered");
        assertTrue(rolledBack.isEmpty(), "rolled-back events delivered: " + rolledBack);
        // A relay holds at most outbox.batch-size (100) rows claimed and not deleted: what a crash can send twice.
        int duplicates = delivered.size() - new HashSet<>(delivered).size();
        assertTrue(duplicates <= 100, duplicates + " events delivered twice, more than outbox.batch-size");
    }

    private static Set<Integer> crashBatch() {
        return seqs().stream().filter(seq -> seq >= 10_000).collect(Collectors.toSet());
    }

    private static Set<Integer> seqs() {
        return pusher.published().stream().map(WildFlyOutboxTest::seq).collect(Collectors.toSet());
    }

    private static int seq(Published published) {
        return Integer.parseInt(published.data().replaceAll("\\D", ""));
    }

    private static int post(String path) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + "/" + path))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.discarding()).statusCode();
    }
}
