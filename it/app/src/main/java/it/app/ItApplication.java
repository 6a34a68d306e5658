package it.app;

import jakarta.ws.rs.ApplicationPath;
import jakarta.ws.rs.core.Application;

/** JAX-RS at the root, where Pusher's server libraries expect {@code /apps/{id}/...}. */
@ApplicationPath("/")
public class ItApplication extends Application {
}
