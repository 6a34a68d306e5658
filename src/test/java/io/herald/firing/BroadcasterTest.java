package io.herald.firing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcaster;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.PusherRestStandIn.Published;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@HeraldTest
class BroadcasterTest {
    PusherRestStandIn pusher;

    @Inject
    Broadcaster broadcaster;

    @Test
    void channelSendsDataAsJsonOnOneChannel() {
        broadcaster.channel("channel_name", "event_name", Map.of("key", "value"));

        assertThat(pusher.published()).containsExactly(
                new Published(List.of("channel_name"), "event_name", "{\"key\":\"value\"}", null));
    }

    @Test
    void channelListSendsOneEventToEveryChannel() {
        broadcaster.channel(List.of("channel1", "channel2"), "event_name", Map.of("key", "value"));

        assertThat(pusher.published()).singleElement()
                .satisfies(event -> assertThat(event.channels()).containsExactly("channel1", "channel2"));
    }

    @Test
    void stringDataIsSentUnchanged() {
        broadcaster.channel("notes", "note", "{\"already\":\"json\"}");

        assertThat(pusher.published()).extracting(Published::data).containsExactly("{\"already\":\"json\"}");
    }

    @Test
    void channelNamesAreNotPrefixedOrCheckedForAUser() {
        broadcaster.channel("private-admins", "AdminUserAlert", Map.of("message", "m"));

        assertThat(pusher.published()).extracting(Published::channel).containsExactly("private-admins");
    }

    @Test
    void canBroadcastEventIsSentAsFiringItWould() {
        broadcaster.channel(new NewRelease("4.0.0"));

        assertThat(pusher.published()).containsExactly(new Published(List.of("releases"), "NewRelease",
                "{\"message\":\"Version 4.0.0 has been released !\"}", null));
    }

    @Test
    void invalidChannelNameIsRejectedBeforeSending() {
        assertThatThrownBy(() -> broadcaster.channel("bad name", "e", Map.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'bad name'");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    @Config({"broadcast.other.driver=pusher", "broadcast.other.app-id=99", "broadcast.other.key=otherkey",
            "broadcast.other.secret=othersecret", "broadcast.other.host=127.0.0.1", "broadcast.other.port=1",
            "broadcast.other.ssl=false"})
    void driverSendsThroughTheNamedConnection() {
        assertThatThrownBy(() -> broadcaster.connection("other").channel("releases", "e", Map.of()))
                .hasMessageContaining("connection 'other'");
        assertThat(pusher.requests()).isZero();
    }

    @Test
    @Config({"broadcast.default=silent", "broadcast.silent.driver=null"})
    void defaultConnectionIsTheOneBroadcastDefaultNames() {
        broadcaster.channel("releases", "e", Map.of());

        assertThat(pusher.requests()).isZero();
        broadcaster.connection("pusher").channel("releases", "e", Map.of());
        assertThat(pusher.published()).hasSize(1);
    }
}
