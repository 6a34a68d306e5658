package io.herald.auth;

import io.herald.PresenceMember;
import java.util.Objects;
import java.util.Optional;

/**
 * A {@link ChannelAuthorizer}'s answer: allowed (on a presence channel, as which member) or denied.
 *
 * <pre>{@code
 * return Authorization.allowIf(request.isUserInRole("admin"));
 * return Authorization.allowAs(new PresenceMember(user.id(), Map.of("name", user.name())));
 * return Authorization.deny("Not your order");
 * }</pre>
 */
public sealed interface Authorization permits Authorization.Allowed, Authorization.Denied {

    /** Allowed; on a presence channel the member is the one given, or else the user's name. */
    record Allowed(Optional<PresenceMember> member) implements Authorization {
        public Allowed {
            Objects.requireNonNull(member, "member");
        }
    }

    /** Denied, answered with 403 and this reason. */
    record Denied(String reason) implements Authorization {
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Allowed; on a presence channel as the signed-in user, by name. */
    static Authorization allow() {
        return new Allowed(Optional.empty());
    }

    /** Allowed; on a presence channel as {@code member}. */
    static Authorization allowAs(PresenceMember member) {
        return new Allowed(Optional.of(member));
    }

    /** Allowed as member {@code id} with {@code info} (any JSON-serialisable object, or null). */
    static Authorization allowAs(String id, Object info) {
        return allowAs(new PresenceMember(id, info));
    }

    /** Denied with the reason "Forbidden". */
    static Authorization deny() {
        return deny("Forbidden");
    }

    /** Denied with a reason the client sees. */
    static Authorization deny(String reason) {
        return new Denied(reason);
    }

    /** {@link #allow()} when {@code allowed}, else {@link #deny()}. */
    static Authorization allowIf(boolean allowed) {
        return allowed ? allow() : deny();
    }
}
