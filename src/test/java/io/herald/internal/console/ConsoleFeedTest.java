package io.herald.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.background.Background;
import io.herald.internal.config.ConsoleSettings;
import io.herald.internal.local.LocalOverview;
import io.herald.testing.ManualTime;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The console's live log: nothing while no console is open, open while a page is subscribed or has polled in the
 * last five seconds, bounded, and sampled above its rate. Time is the test's.
 */
class ConsoleFeedTest {
    private final ManualTime time = new ManualTime();
    private final Overview overview = new Overview();

    /** The local server as the feed sees it: how many consoles listen, and what it published. */
    static final class Overview extends LocalOverview {
        int consoles;
        int asked;
        final List<String> published = new ArrayList<>();

        @Override
        public int subscriptions(String appId, String channel) {
            asked++;
            return consoles;
        }

        @Override
        public boolean publish(String appId, String channel, String event, String json) {
            published.add(channel + " " + event);
            return true;
        }
    }

    private ConsoleFeed feed(int logSize, int perSecond) {
        ConsoleSettings settings = new ConsoleSettings(true, "broadcasting/console", "admin", false, logSize,
                perSecond, Optional.empty());
        return ConsoleFeed.of(settings, overview, new Background(time, time, (min, max) -> min, Clock.systemUTC(),
                Thread::new), Optional.of("77"));
    }

    private static void sent(ConsoleFeed feed, String event) {
        feed.record("sent", "local", List.of("releases"), event, "{}");
    }

    @Test
    void nothingIsRecordedWhileNoConsoleIsOpen() {
        ConsoleFeed feed = feed(100, 100);

        sent(feed, "NewRelease");

        assertThat(feed.entries()).isEmpty();
        assertThat(overview.published).isEmpty();
    }

    @Test
    void aSubscribedConsoleOpensTheFeedAndGetsEachEntryLive() {
        ConsoleFeed feed = feed(100, 100);
        overview.consoles = 1;

        sent(feed, "NewRelease");

        assertThat(feed.entries()).extracting(ConsoleEntry::event).containsExactly("NewRelease");
        assertThat(overview.published).containsExactly("private-herald-console entry");
    }

    @Test
    void theSubscribersAreAskedForAtMostOnceASecond() {
        ConsoleFeed feed = feed(100, 1000);
        overview.consoles = 1;

        for (int i = 0; i < 50; i++) {
            sent(feed, "E" + i);
        }
        time.sleep(Duration.ofSeconds(1));
        sent(feed, "later");

        assertThat(overview.asked).isEqualTo(2);
    }

    @Test
    void aPollKeepsTheFeedOpenForFiveSeconds() {
        ConsoleFeed feed = feed(100, 100);
        feed.polled();

        time.sleep(Duration.ofMillis(4999));
        sent(feed, "inside");
        time.sleep(Duration.ofMillis(1));
        sent(feed, "after");

        assertThat(feed.entries()).extracting(ConsoleEntry::event).containsExactly("inside");
    }

    @Test
    void aboveItsRateTheLogIsSampledAndSaysHowMuchItLeftOut() {
        ConsoleFeed feed = feed(100, 2);
        overview.consoles = 1;

        sent(feed, "one");
        sent(feed, "two");
        sent(feed, "three");
        time.sleep(Duration.ofSeconds(1));
        sent(feed, "four");

        assertThat(feed.entries()).extracting(ConsoleEntry::event).containsExactly("one", "two", "four");
        assertThat(feed.sampledOut()).isEqualTo(1);
    }

    @Test
    void theLogKeepsItsSizeDroppingTheOldest() {
        ConsoleFeed feed = feed(10, 1000);
        overview.consoles = 1;

        for (int i = 1; i <= 12; i++) {
            sent(feed, "E" + i);
        }

        assertThat(feed.entries()).hasSize(10).first().extracting(ConsoleEntry::event).isEqualTo("E3");
    }

    @Test
    void theConsolesOwnChannelIsNeverRecorded() {
        ConsoleFeed feed = feed(100, 100);
        overview.consoles = 1;

        feed.record("sent", "local", List.of("private-herald-console"), "state", "{}");

        assertThat(feed.entries()).isEmpty();
    }

    @Test
    void aDisabledConsoleIsNeverOpen() {
        ConsoleSettings disabled = new ConsoleSettings(false, "broadcasting/console", "admin", false, 100, 100,
                Optional.empty());
        ConsoleFeed feed = ConsoleFeed.of(disabled, overview, new Background(time, time, (min, max) -> min,
                Clock.systemUTC(), Thread::new), Optional.of("77"));
        overview.consoles = 1;
        feed.polled();

        assertThat(feed.open()).isFalse();
        assertThat(overview.asked).isZero();
    }
}
