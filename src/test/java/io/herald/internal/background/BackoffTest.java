package io.herald.internal.background;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Herald's one backoff policy, with chance in the test's hands. */
class BackoffTest {
    private final Backoff backoff = new Backoff(Duration.ofMillis(100), Duration.ofMillis(500));
    private final List<String> asked = new ArrayList<>();
    private final Jitter longest = (min, max) -> {
        asked.add(min + "-" + max);
        return max;
    };

    @Test
    void ceilingDoublesWithEachAttemptUpToTheMaximumAndJitterTakesFromHalfOfIt() {
        List<Duration> waits = new ArrayList<>();
        for (int attempt = 1; attempt <= 5; attempt++) {
            waits.add(backoff.delay(attempt, Optional.empty(), longest));
        }

        assertThat(asked).containsExactly("50-100", "100-200", "200-400", "250-500", "250-500");
        assertThat(waits).containsExactly(Duration.ofMillis(100), Duration.ofMillis(200), Duration.ofMillis(400),
                Duration.ofMillis(500), Duration.ofMillis(500));
    }

    @Test
    void retryAfterIsWaitedAsTheServerAskedWithoutChance() {
        assertThat(backoff.delay(3, Optional.of(Duration.ofSeconds(7)), longest)).isEqualTo(Duration.ofSeconds(7));
        assertThat(asked).isEmpty();
    }

    @Test
    void aVeryLateAttemptDoesNotOverflow() {
        assertThat(backoff.delay(Integer.MAX_VALUE, Optional.empty(), (min, max) -> min))
                .isEqualTo(Duration.ofMillis(250));
    }
}
