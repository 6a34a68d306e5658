package demo;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.PreMatching;
import jakarta.ws.rs.core.Cookie;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;
import java.security.Principal;
import java.util.regex.Pattern;

/**
 * The demo's stand-in for real authentication: the {@code demo-user} cookie ({@code name:role}) becomes the
 * request's {@link SecurityContext}, which Herald's authorization endpoint reads. A real application uses its own
 * (Jakarta Security, OIDC, JWT); Herald only reads the principal and roles.
 */
@Provider
@PreMatching
@ApplicationScoped
public class DemoLogin implements ContainerRequestFilter {
    static final String COOKIE = "demo-user";
    static final Pattern NAME = Pattern.compile("[A-Za-z0-9_-]{1,32}");

    @Override
    public void filter(ContainerRequestContext request) {
        Cookie cookie = request.getCookies().get(COOKIE);
        if (cookie == null) {
            return;
        }
        String[] parts = cookie.getValue().split(":", 2);
        if (parts.length != 2 || !NAME.matcher(parts[0]).matches()) {
            return;
        }
        String name = parts[0];
        boolean admin = parts[1].equals("admin");
        request.setSecurityContext(new SecurityContext() {
            @Override
            public Principal getUserPrincipal() {
                return () -> name;
            }

            @Override
            public boolean isUserInRole(String role) {
                return admin ? role.equals("admin") : role.equals("basic");
            }

            @Override
            public boolean isSecure() {
                return false;
            }

            @Override
            public String getAuthenticationScheme() {
                return "DEMO";
            }
        });
    }
}
