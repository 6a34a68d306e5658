package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Inject;
import java.security.Principal;
import org.jboss.weld.environment.se.Weld;
import org.jboss.weld.junit5.EnableWeld;
import org.jboss.weld.junit5.WeldInitiator;
import org.jboss.weld.junit5.WeldSetup;
import org.junit.jupiter.api.Test;

/**
 * What the demo's buttons broadcast, checked with Herald's test kit in a weld-junit5 test: the {@code test} profile
 * makes the default connection Herald's {@code memory} driver, and {@link RecordedBroadcasts} says what was sent.
 */
@EnableWeld
class DemoBroadcastsTest {

    /** Signed in as an admin, as the demo's login cookie would make one. */
    static class SignedInAdmin {
        @Produces
        Principal admin = () -> "ada";
    }

    @WeldSetup
    WeldInitiator weld = WeldInitiator.from(new Weld().addBeanClass(SignedInAdmin.class))
            .activate(RequestScoped.class).build();

    @Inject
    DemoResource demo;

    @Inject
    RecordedBroadcasts broadcasts;

    @Test
    void releaseButtonTellsEveryVisitor() {
        assertEquals(204, demo.release("4.0.1").getStatus());

        broadcasts.assertSent(NewRelease.class).onChannels("releases")
                .withPayload(json -> json.equals("{\"message\":\"Version 4.0.1 has been released !\"}")).once();
    }

    @Test
    void alertButtonTellsTheAdminsOnly() {
        assertEquals(204, demo.alert("Disk almost full", "warning").getStatus());

        broadcasts.assertSent(AdminUserAlert.class).onChannels("private-admins")
                .withPayload(json -> json.contains("\"level\":\"warning\"")).once();
    }

    @Test
    void refusedFormBroadcastsNothing() {
        assertEquals(400, demo.release(" ").getStatus());

        broadcasts.assertNothingSent();
    }
}
