package io.herald.local;

import io.herald.BroadcastUser;
import io.herald.auth.UserAuthenticator;
import jakarta.enterprise.context.ApplicationScoped;
import java.security.Principal;
import java.util.List;
import java.util.Map;

/** The test application's users and whom they watch: ada watches bob, cy and eve; everyone else watches ada. */
@ApplicationScoped
public class Watchers implements UserAuthenticator {

    @Override
    public BroadcastUser authenticate(Principal principal) {
        String name = principal.getName();
        return new BroadcastUser(name, Map.of("name", name), name.equals("ada") ? List.of("bob", "cy", "eve") : List.of("ada"));
    }
}
