package io.herald.firing;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.Broadcast;
import io.herald.testing.Config;
import io.herald.testing.HeraldTest;
import io.herald.testing.LogCapture;
import io.herald.testing.PusherRestStandIn;
import io.herald.testing.SignedInUser;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import java.util.logging.Level;
import org.jboss.weld.junit5.auto.AddBeanClasses;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@HeraldTest
@AddBeanClasses(SignedInUser.class)
class SenderRuleTest {
    PusherRestStandIn pusher;

    @Inject
    @Broadcast
    Event<PrivateOrder> orders;

    @Inject
    @Broadcast
    Event<AdminUserAlert> alerts;

    @Inject
    @Broadcast
    Event<OnlyPrivate> notes;

    @AfterEach
    void signOut() {
        SignedInUser.nobody();
    }

    @Test
    void privateAndPresenceChannelsAreSkippedWithoutAUser() {
        orders.fire(new PrivateOrder(7));

        assertThat(pusher.published()).singleElement()
                .satisfies(event -> assertThat(event.channels()).containsExactly("orders"));
    }

    @Test
    void eventWhoseOnlyChannelIsSkippedSendsNoRequest() {
        notes.fire(new OnlyPrivate("hello"));

        assertThat(pusher.requests()).isZero();
    }

    @Test
    void skippedChannelIsLoggedAtWarnNamingEventAndChannel() {
        try (LogCapture log = new LogCapture()) {
            orders.fire(new PrivateOrder(7));

            assertThat(log.messages(Level.WARNING))
                    .anySatisfy(m -> assertThat(m).startsWith("HERALD-0200").contains("'PrivateOrder'")
                            .contains("private-orders.7"))
                    .anySatisfy(m -> assertThat(m).contains("'PrivateOrder'").contains("presence-shop"));
        }
    }

    @Test
    void privateAndPresenceChannelsAreSentWhileAUserIsSignedIn() {
        SignedInUser.as("ada");

        orders.fire(new PrivateOrder(7));

        assertThat(pusher.published()).singleElement().satisfies(event -> assertThat(event.channels())
                .containsExactly("orders", "private-orders.7", "presence-shop"));
    }

    @Test
    void anonymousPrincipalCountsAsNoUser() {
        SignedInUser.as("anonymous");

        orders.fire(new PrivateOrder(7));

        assertThat(pusher.published()).singleElement()
                .satisfies(event -> assertThat(event.channels()).containsExactly("orders"));
    }

    @Test
    void plainChannelNamingAPrivateChannelIsSentWithoutAUser() {
        alerts.fire(new AdminUserAlert("disk full", "error"));

        assertThat(pusher.published()).singleElement()
                .satisfies(event -> assertThat(event.channels()).containsExactly("private-admins"));
    }

    @Test
    @Config("broadcast.private-channels.require-user=false")
    void ruleTurnedOffSendsWithoutAUser() {
        orders.fire(new PrivateOrder(7));

        assertThat(pusher.published()).singleElement().satisfies(event -> assertThat(event.channels())
                .containsExactly("orders", "private-orders.7", "presence-shop"));
    }
}
