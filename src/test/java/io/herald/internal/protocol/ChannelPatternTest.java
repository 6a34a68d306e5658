package io.herald.internal.protocol;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which channels two authorizer patterns have in common, the fact that decides whether they are ambiguous. */
class ChannelPatternTest {

    private static String overlap(String first, String second) {
        return ChannelPattern.compile(first).overlap(ChannelPattern.compile(second)).orElse("none");
    }

    @ParameterizedTest
    @CsvSource({
            "private-{a}, private-{b}, private-x",
            "private-orders.{id}, private-{kind}.abcdef, private-orders.abcdef",
            "presence-{room}.{seat}, presence-lobby.{seat}, presence-lobby.x",
            "private-admins, private-admins, private-admins"})
    void patternsThatShareAChannelNameOne(String first, String second, String shared) {
        assertThat(overlap(first, second)).isEqualTo(shared);
        assertThat(ChannelPattern.compile(first).match(shared)).isPresent();
        assertThat(ChannelPattern.compile(second).match(shared)).isPresent();
    }

    @ParameterizedTest
    @CsvSource({
            "private-{a}, private-x.y",
            "private-{a}, presence-{a}",
            "private-orders.{id}, private-orders",
            "private-{a}.x, private-{a}.y"})
    void patternsThatShareNoChannelHaveNoOverlap(String first, String second) {
        assertThat(overlap(first, second)).isEqualTo("none");
    }

    @Test
    void literalLengthCountsTheTextOutsideTheParts() {
        assertThat(ChannelPattern.compile("private-orders.{orderId}").literalLength()).isEqualTo(15);
    }
}
