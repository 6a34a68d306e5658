package io.herald.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.BroadcastException;
import io.herald.Broadcaster;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.inject.Inject;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

@HeraldTest
class LimitsTest {
    PusherRestStandIn pusher;

    @Inject
    Broadcaster broadcaster;

    @Test
    void payloadOverTenKilobytesFailsWithItsSizeAndTheLimit() {
        String data = "x".repeat(10 * 1024 + 1);

        assertThatThrownBy(() -> broadcaster.channel("releases", "Big", data))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("HERALD-0009")
                .hasMessageContaining("10241 bytes")
                .hasMessageContaining("limit is 10240 bytes");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    void payloadOfExactlyTenKilobytesIsSent() {
        broadcaster.channel("releases", "Big", "x".repeat(10 * 1024));

        assertThat(pusher.published()).hasSize(1);
    }

    @Test
    void payloadSizeCountsUtf8Bytes() {
        String data = "é".repeat(5 * 1024 + 1);

        assertThatThrownBy(() -> broadcaster.channel("releases", "Big", data))
                .hasMessageContaining("10242 bytes");
    }

    @Test
    void eventNameOverTwoHundredCharactersFails() {
        assertThatThrownBy(() -> broadcaster.channel("releases", "e".repeat(201), "{}"))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("HERALD-0008")
                .hasMessageContaining("201 characters; the limit is 200");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    void reservedEventNamePrefixFails() {
        assertThatThrownBy(() -> broadcaster.channel("releases", "pusher:subscribe", "{}"))
                .isInstanceOf(BroadcastException.class)
                .hasMessageContaining("reserved");
    }

    @Test
    void eventOnMoreThanAHundredChannelsIsSplitIntoRequestsOfAHundred() {
        List<String> channels = IntStream.range(0, 250).mapToObj(i -> "room-" + i).toList();

        broadcaster.channel(channels, "Tick", "{}");

        assertThat(pusher.published()).extracting(event -> event.channels().size()).containsExactly(100, 100, 50);
        assertThat(pusher.published()).flatExtracting(Published::channels).containsExactlyElementsOf(channels);
    }

    @Test
    void duplicateChannelsAreSentOnce() {
        broadcaster.channel(List.of("a", "b", "a"), "Tick", "{}");

        assertThat(pusher.published()).singleElement()
                .satisfies(event -> assertThat(event.channels()).containsExactly("a", "b"));
    }
}
