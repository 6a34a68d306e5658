package io.herald.channels;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Channel;
import io.herald.ChannelType;
import io.herald.EncryptedPrivateChannel;
import io.herald.PresenceChannel;
import io.herald.PrivateChannel;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ChannelTest {

    @Test
    void privateChannelIsPrefixedOnce() {
        assertThat(new PrivateChannel("admins").name()).isEqualTo("private-admins");
        assertThat(new PrivateChannel("private-admins").name()).isEqualTo("private-admins");
    }

    @Test
    void presenceChannelIsPrefixedOnce() {
        assertThat(new PresenceChannel("lobby").name()).isEqualTo("presence-lobby");
        assertThat(new PresenceChannel("presence-lobby").name()).isEqualTo("presence-lobby");
    }

    @Test
    void encryptedChannelIsPrefixedOnce() {
        assertThat(new EncryptedPrivateChannel("payroll").name()).isEqualTo("private-encrypted-payroll");
        assertThat(new EncryptedPrivateChannel("private-encrypted-payroll").name()).isEqualTo("private-encrypted-payroll");
    }

    @Test
    void plainChannelWithPrivatePrefixIsThePrivateChannelItNames() {
        Channel admins = new Channel("private-admins");

        assertThat(admins.name()).isEqualTo("private-admins");
        assertThat(admins.type()).isEqualTo(ChannelType.PRIVATE);
    }

    @Test
    void typeFollowsTheFullName() {
        assertThat(new Channel("releases").type()).isEqualTo(ChannelType.PUBLIC);
        assertThat(new Channel("private-encrypted-x").type()).isEqualTo(ChannelType.ENCRYPTED_PRIVATE);
        assertThat(new Channel("presence-x").type()).isEqualTo(ChannelType.PRESENCE);
        assertThat(new PrivateChannel("x").type()).isEqualTo(ChannelType.PRIVATE);
    }

    @Test
    void everyCharacterPusherAllowsIsAccepted() {
        assertThat(new Channel("foo-bar_1234@=,.;AZ").name()).isEqualTo("foo-bar_1234@=,.;AZ");
    }

    @Test
    void nameOfMaximumLengthIsAccepted() {
        String longest = "a".repeat(Channel.MAX_NAME_LENGTH);

        assertThat(new Channel(longest).name()).hasSize(164);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "has space", "#server-to-user-1", "émoji", "slash/name", "colon:name", "star*"})
    void invalidNameIsRejectedQuotingIt(String name) {
        assertThatThrownBy(() -> new Channel(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + name + "'");
    }

    @Test
    void overlongNameIsRejected() {
        String tooLong = "a".repeat(Channel.MAX_NAME_LENGTH + 1);

        assertThatThrownBy(() -> new Channel(tooLong)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void prefixCountsTowardsTheLimit() {
        String name = "a".repeat(Channel.MAX_NAME_LENGTH - 2);

        assertThatThrownBy(() -> new PrivateChannel(name))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("private-" + name);
    }

    @Test
    void channelsWithTheSameNameAndKindAreEqual() {
        assertThat(new PrivateChannel("x")).isEqualTo(new PrivateChannel("private-x")).isNotEqualTo(new Channel("private-x"));
    }
}
