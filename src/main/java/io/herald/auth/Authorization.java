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

    /**
     * Allowed; on a presence channel the member is the one given, or else the user's name.
     *
     * @param member the presence member to sign in as, if not the user by name
     */
    record Allowed(Optional<PresenceMember> member) implements Authorization {
        /**
         * Checks that {@code member} is given (empty, not null, for "the user by name").
         *
         * @param member the presence member, or empty for the user by name
         */
        public Allowed {
            Objects.requireNonNull(member, "member");
        }
    }

    /**
     * Denied, answered with 403 and this reason.
     *
     * @param reason what the client is told
     */
    record Denied(String reason) implements Authorization {
        /**
         * Checks that {@code reason} is given.
         *
         * @param reason what the client is told
         */
        public Denied {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /**
     * Allowed; on a presence channel as the signed-in user, by name.
     *
     * @return the answer
     */
    static Authorization allow() {
        return new Allowed(Optional.empty());
    }

    /**
     * Allowed; on a presence channel as {@code member}.
     *
     * @param member who the user is on the channel
     * @return the answer
     */
    static Authorization allowAs(PresenceMember member) {
        return new Allowed(Optional.of(member));
    }

    /**
     * Allowed as member {@code id} with {@code info}.
     *
     * @param id the member's id on the channel
     * @param info what other members are told of it: any JSON-serialisable object, or null
     * @return the answer
     */
    static Authorization allowAs(String id, Object info) {
        return allowAs(new PresenceMember(id, info));
    }

    /**
     * Denied with the reason "Forbidden".
     *
     * @return the answer
     */
    static Authorization deny() {
        return deny("Forbidden");
    }

    /**
     * Denied with a reason the client sees.
     *
     * @param reason what the client is told
     * @return the answer
     */
    static Authorization deny(String reason) {
        return new Denied(reason);
    }

    /**
     * {@link #allow()} when {@code allowed}, else {@link #deny()}.
     *
     * @param allowed the decision
     * @return the answer
     */
    static Authorization allowIf(boolean allowed) {
        return allowed ? allow() : deny();
    }
}
