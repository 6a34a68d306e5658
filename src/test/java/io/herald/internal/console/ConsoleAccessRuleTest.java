package io.herald.internal.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.config.ConsoleSettings;
import java.net.InetAddress;
import java.security.Principal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The console's rule for requests without a user, with addresses a test machine cannot make requests from. */
class ConsoleAccessRuleTest {
    private static final ConsoleSettings LOOPBACK_ALLOWED = new ConsoleSettings(true, "broadcasting/console", "admin",
            true, 100, 100, Optional.empty());

    private static ConsoleAccess.Verdict anonymousFrom(String address, boolean forwarded) throws Exception {
        return ConsoleAccess.decide(LOOPBACK_ALLOWED, Optional.empty(), role -> false,
                Optional.of(InetAddress.getByName(address)), forwarded).verdict();
    }

    @Test
    void anAnonymousRequestFromAnotherMachineIsRefusedEvenWithLoopbackAccessOn() throws Exception {
        assertThat(anonymousFrom("203.0.113.5", false)).isEqualTo(ConsoleAccess.Verdict.FORBIDDEN);
        assertThat(anonymousFrom("10.0.0.8", false)).isEqualTo(ConsoleAccess.Verdict.FORBIDDEN);
        assertThat(anonymousFrom("2001:db8::1", false)).isEqualTo(ConsoleAccess.Verdict.FORBIDDEN);
    }

    @Test
    void anAnonymousRequestFromThisMachineIsLetIn() throws Exception {
        assertThat(anonymousFrom("127.0.0.1", false)).isEqualTo(ConsoleAccess.Verdict.ALLOWED);
        assertThat(anonymousFrom("::1", false)).isEqualTo(ConsoleAccess.Verdict.ALLOWED);
    }

    @Test
    void anUnknownAddressIsNotTakenForLoopback() {
        assertThat(ConsoleAccess.decide(LOOPBACK_ALLOWED, Optional.empty(), role -> false, Optional.empty(), false)
                .verdict()).isEqualTo(ConsoleAccess.Verdict.FORBIDDEN);
    }

    @Test
    void aSignedInUserOutsideTheRoleIsRefusedWhereverTheyAre() throws Exception {
        Principal bob = () -> "bob";
        assertThat(ConsoleAccess.decide(LOOPBACK_ALLOWED, Optional.of(bob), role -> false,
                Optional.of(InetAddress.getByName("127.0.0.1")), false).verdict())
                .isEqualTo(ConsoleAccess.Verdict.FORBIDDEN);
    }
}
