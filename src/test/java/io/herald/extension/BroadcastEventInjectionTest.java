package io.herald.extension;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.Broadcast;
import io.herald.firing.NewRelease;
import io.herald.testing.HeraldContainer;
import io.herald.testing.HeraldContainer.Flavour;
import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Both extensions refuse, at deployment, an {@code @Broadcast Event<T>} whose T cannot be broadcast. */
class BroadcastEventInjectionTest {
    private static final Map<String, String> NULL_DRIVER = Map.of("broadcast.pusher.driver", "null");

    @Dependent
    static class StringBroadcasts {
        @Inject
        @Broadcast
        Event<String> strings;
    }

    @Dependent
    static class IntegerBroadcastsThroughAnInitializer {
        @Inject
        void init(@Broadcast Event<Integer> numbers) {
        }
    }

    @Dependent
    static class WellTypedBroadcasts {
        @Inject
        @Broadcast
        Event<NewRelease> releases;

        @Inject
        @Broadcast
        Event<Object> anything;

        @Inject
        Event<String> unqualified;
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void broadcastEventOfATypeThatCannotBroadcastFailsDeployment(Flavour flavour) {
        assertThatThrownBy(() -> HeraldContainer.start(flavour, NULL_DRIVER, StringBroadcasts.class))
                .hasMessageContaining("HERALD-0005")
                .hasMessageContaining("StringBroadcasts.strings")
                .hasMessageContaining("java.lang.String does not implement io.herald.CanBroadcast");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void initializerParameterIsCheckedToo(Flavour flavour) {
        assertThatThrownBy(() -> HeraldContainer.start(flavour, NULL_DRIVER, IntegerBroadcastsThroughAnInitializer.class))
                .hasMessageContaining("HERALD-0005")
                .hasMessageContaining("java.lang.Integer");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void canBroadcastObjectAndUnqualifiedEventsDeploy(Flavour flavour) {
        try (WeldContainer container = HeraldContainer.start(flavour, NULL_DRIVER, WellTypedBroadcasts.class)) {
            assertThat(container.select(WellTypedBroadcasts.class).get().releases).isNotNull();
        }
    }
}
