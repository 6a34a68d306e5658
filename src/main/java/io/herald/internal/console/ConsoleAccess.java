package io.herald.internal.console;

import io.herald.internal.config.ConsoleSettings;
import java.net.InetAddress;
import java.security.Principal;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Who may see the console and act through it: nobody while it is disabled (404, as if it were not there); a user in
 * {@code broadcast.console.role}, as the container's security says; and, only when
 * {@code broadcast.console.allow-anonymous-loopback} is set, a request with no user that comes from this machine and
 * through no proxy (a proxy on this machine makes every request look local, so a forwarding header refuses it).
 *
 * <pre>{@code
 * ConsoleAccess.decide(settings, user, roles::contains, remoteAddress, forwarded).verdict();   // ALLOWED
 * }</pre>
 */
final class ConsoleAccess {

    enum Verdict {
        NOT_FOUND, FORBIDDEN, ALLOWED
    }

    /** The verdict, and who is let in ({@code anonymous@loopback} for the loopback rule). */
    record Decision(Verdict verdict, String who) {
        boolean allowed() {
            return verdict == Verdict.ALLOWED;
        }
    }

    private ConsoleAccess() {
    }

    static Decision decide(ConsoleSettings settings, Optional<Principal> user, Predicate<String> roles,
            Optional<InetAddress> remote, boolean forwarded) {
        if (!settings.enabled()) {
            return new Decision(Verdict.NOT_FOUND, null);
        }
        if (user.isPresent()) {
            return roles.test(settings.role()) ? new Decision(Verdict.ALLOWED, user.get().getName())
                    : new Decision(Verdict.FORBIDDEN, user.get().getName());
        }
        boolean local = remote.map(InetAddress::isLoopbackAddress).orElse(false);
        return settings.anonymousLoopback() && local && !forwarded ? new Decision(Verdict.ALLOWED, "anonymous@loopback")
                : new Decision(Verdict.FORBIDDEN, null);
    }
}
