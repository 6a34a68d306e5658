package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.internal.protocol.FormBody;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Form bodies and query strings, as pusher-js and Pusher's server libraries encode them. */
class FormBodyTest {

    @Test
    void fieldsAreDecodedInOrder() throws Exception {
        assertThat(FormBody.decode("socket_id=1.2&channel_name=private-a%2Cb&empty="))
                .containsExactly(java.util.Map.entry("socket_id", "1.2"), java.util.Map.entry("channel_name", "private-a,b"),
                        java.util.Map.entry("empty", ""));
    }

    @Test
    void firstValueOfARepeatedNameWins() throws Exception {
        assertThat(FormBody.decode("socket_id=1.2&socket_id=3.4")).containsEntry("socket_id", "1.2");
    }

    @ParameterizedTest
    @ValueSource(strings = {"socket_id=1.2%", "socket_id=%zz", "%zz=1", "a=%e"})
    void malformedPercentEscapeIsReportedAsMalformed(String text) {
        assertThatThrownBy(() -> FormBody.decode(text)).isInstanceOf(FormBody.Malformed.class)
                .hasMessageContaining("malformed percent-escape");
    }
}
