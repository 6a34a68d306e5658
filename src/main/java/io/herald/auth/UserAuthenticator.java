package io.herald.auth;

import io.herald.BroadcastUser;
import java.security.Principal;

/**
 * Decides who a signed-in principal is for Pusher's user authentication. Optional: without such a bean the user id
 * is the principal's name.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class Users implements UserAuthenticator {
 *     @Inject UserRepository users;
 *
 *     public BroadcastUser authenticate(Principal principal) {
 *         User user = users.byLogin(principal.getName());
 *         return new BroadcastUser(user.id(), Map.of("name", user.name()), user.friendIds());
 *     }
 * }
 * }</pre>
 */
public interface UserAuthenticator {

    /**
     * The user {@code principal} signs in as, or {@code null} to refuse (403).
     *
     * @param principal the signed-in user of the request
     * @return the user to sign in as, or {@code null}
     */
    BroadcastUser authenticate(Principal principal);
}
