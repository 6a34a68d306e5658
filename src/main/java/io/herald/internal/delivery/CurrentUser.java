package io.herald.internal.delivery;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.security.Principal;
import java.util.Optional;

/**
 * The signed-in user, from the container's {@link Principal} bean (CDI's built-in bean in Jakarta EE servers,
 * Quarkus Security's in Quarkus). No such bean, no principal, or the servers' anonymous principal mean no user.
 */
@ApplicationScoped
class CurrentUser {

    @Inject
    Instance<Principal> principal;

    public Optional<String> name() {
        if (!principal.isResolvable()) {
            return Optional.empty();
        }
        try {
            Principal current = principal.get();
            return Optional.ofNullable(current == null ? null : current.getName())
                    .filter(name -> !name.isBlank() && !name.equalsIgnoreCase("anonymous"));
        } catch (RuntimeException noSecurityContextHere) {
            return Optional.empty();
        }
    }
}
