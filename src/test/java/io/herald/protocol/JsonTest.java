package io.herald.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** What a client or a server library sends is read as strict JSON: what any JSON parser would read alike. */
class JsonTest {

    @Test
    void strictObjectIsRead() {
        assertThat(Json.parseObject("{\"event\":\"pusher:ping\",\"data\":{}}"))
                .hasValueSatisfying(object -> assertThat(Json.string(object, "event")).isEqualTo("pusher:ping"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{'event':'x'}", "{event:\"x\"}", "{\"event\":\"x\";\"y\":1}", "{\"event\":\"x\"} {}",
            "{\"event\":\"x\",}", "// c\n{\"event\":\"x\"}", "{\"n\":NaN}", "", "   ", ")]}'\n{}"})
    void anythingLenientIsRefused(String text) {
        assertThat(Json.parse(text)).isEmpty();
    }

    @Test
    void deeplyNestedInputIsRefusedRatherThanThrown() {
        assertThat(Json.parse("[".repeat(100_000))).isEmpty();
    }

    @Test
    void nonObjectIsNoObject() {
        assertThat(Json.parseObject("[1]")).isEmpty();
        assertThat(Json.parse("[1]")).isPresent();
    }
}
