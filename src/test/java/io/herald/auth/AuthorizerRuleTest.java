package io.herald.auth;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.herald.auth.Authorization;
import io.herald.auth.ChannelAuthorizer;
import io.herald.auth.ChannelRequest;
import io.herald.testing.HeraldContainer;
import io.herald.testing.HeraldContainer.Flavour;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Authorizers whose patterns cannot work, or that would be chosen between by accident, fail the deployment naming
 * their beans, with either of Herald's extensions (the rule runs as the application starts, the same way in both).
 */
class AuthorizerRuleTest {

    private abstract static class Named implements ChannelAuthorizer {
        private final String pattern;

        Named(String pattern) {
            this.pattern = pattern;
        }

        @Override
        public String channel() {
            return pattern;
        }

        @Override
        public Authorization authorize(ChannelRequest request) {
            return Authorization.allow();
        }
    }

    @ApplicationScoped
    static class Blank extends Named {
        Blank() {
            super(" ");
        }
    }

    @ApplicationScoped
    static class UnclosedPart extends Named {
        UnclosedPart() {
            super("private-{id");
        }
    }

    @ApplicationScoped
    static class ByUser extends Named {
        ByUser() {
            super("private-orders.{user}");
        }
    }

    @ApplicationScoped
    static class ByOrder extends Named {
        ByOrder() {
            super("private-{kind}.abcdef");
        }
    }

    @ApplicationScoped
    static class SameShape extends Named {
        SameShape() {
            super("private-orders.{id}");
        }
    }

    @ApplicationScoped
    static class MoreSpecific extends Named {
        MoreSpecific() {
            super("private-orders.admin");
        }
    }

    @ApplicationScoped
    static class Elsewhere extends Named {
        Elsewhere() {
            super("presence-{room}.42");
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void blankPatternFailsTheDeploymentNamingTheBean(Flavour flavour) {
        assertThatThrownBy(() -> HeraldContainer.start(flavour, AuthEnv.config(), Blank.class))
                .hasMessageContaining("HERALD-0016").hasMessageContaining(Blank.class.getName())
                .hasMessageContaining("is blank");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void patternWithCharactersNoChannelHasFailsTheDeployment(Flavour flavour) {
        assertThatThrownBy(() -> HeraldContainer.start(flavour, AuthEnv.config(), UnclosedPart.class))
                .hasMessageContaining("HERALD-0016").hasMessageContaining(UnclosedPart.class.getName())
                .hasMessageContaining("'private-{id'");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void equallySpecificPatternsForTheSameChannelFailTheDeploymentNamingBoth(Flavour flavour) {
        assertThatThrownBy(() -> HeraldContainer.start(flavour, AuthEnv.config(), ByUser.class, ByOrder.class))
                .hasMessageContaining("HERALD-0018").hasMessageContaining(ByUser.class.getName())
                .hasMessageContaining(ByOrder.class.getName()).hasMessageContaining("'private-orders.abcdef'");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void patternsOfTheSameShapeAreAmbiguous(Flavour flavour) {
        assertThatThrownBy(() -> HeraldContainer.start(flavour, AuthEnv.config(), ByUser.class, SameShape.class))
                .hasMessageContaining("HERALD-0018");
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void moreSpecificOrDisjointPatternsStart(Flavour flavour) {
        try (WeldContainer container = HeraldContainer.start(flavour, AuthEnv.config(), ByUser.class,
                MoreSpecific.class, Elsewhere.class)) {
            assertThat(container.isRunning()).isTrue();
        }
    }
}
