package it.app;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.Set;

/**
 * The application's authentication, reduced to what every runtime runs the same way: headers {@code X-User} and
 * {@code X-Roles} become the JAX-RS security context (a real app uses JWT, OIDC or the server's realm).
 */
@Provider
@PreMatching
@ApplicationScoped
public class HeaderLogin implements ContainerRequestFilter {

    @Override
    public void filter(ContainerRequestContext request) {
        String user = request.getHeaderString("X-User");
        if (user == null) {
            return;
        }
        String roles = request.getHeaderString("X-Roles");
        Set<String> granted = roles == null ? Set.of() : Set.of(roles.split(","));
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> user;
            }

            @Override
            public boolean isUserInRole(String role) {
                return granted.contains(role);
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "HEADER";
            }
        });
    }
}
