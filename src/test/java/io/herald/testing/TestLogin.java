package io.herald.testing;

import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * Signs requests in the way an application's authentication filter (JWT, session) does: the user named by the
 * {@code X-Test-User} header, with the comma-separated roles of {@code X-Test-Roles}.
 */
@Provider
@PreMatching
public class TestLogin implements ContainerRequestFilter {
    public static final String USER = "X-Test-User";
    public static final String ROLES = "X-Test-Roles";

    @Override
    public void filter(ContainerRequestContext request) {
        String user = request.getHeaderString(USER);
        if (user == null) {
            return;
        }
        String roleHeader = request.getHeaderString(ROLES);
        Set<String> roles = roleHeader == null ? Set.of() : Set.of(roleHeader.split(","));
        Principal principal = () -> user;
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return principal;
            }

            @Override
            public boolean isUserInRole(String role) {
                return roles.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "TEST";
            }
        });
    }
}
