package io.herald.testing;

import jakarta.enterprise.context.Dependent;
import jakarta.enterprise.inject.Produces;
import java.security.Principal;

/**
 * The container's {@link Principal} bean for tests, as a Jakarta EE server provides one: add this class to a
 * {@link HeraldTest} with {@code @AddBeanClasses(SignedInUser.class)} and sign a user in with {@link #as}.
 */
@Dependent
public class SignedInUser {
    private static volatile String current;

    public static void as(String name) {
        current = name;
    }

    public static void nobody() {
        current = null;
    }

    @Produces
    Principal principal() {
        String name = current;
        return name == null ? null : () -> name;
    }
}
