package io.herald.internal.request;

import io.herald.internal.Excerpt;
import io.herald.internal.HeraldLog;
import io.herald.internal.protocol.PusherProtocol;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.ext.Provider;

/**
 * Reads the {@code X-Socket-ID} header that Laravel Echo sends on every request (and any page can, from pusher-js's
 * {@code pusher.connection.socket_id}) into {@link RequestSocket}. A malformed one is ignored and logged at DEBUG: it
 * must never fail the business request that carried it.
 */
@Provider
@ApplicationScoped
public class SocketIdFilter implements ContainerRequestFilter {
    /** The header pusher-js applications and Laravel Echo send. */
    public static final String HEADER = "X-Socket-ID";

    @Inject
    RequestSocket requestSocket;

    @Override
    public void filter(ContainerRequestContext request) {
        String socketId = request.getHeaderString(HEADER);
        if (socketId == null) {
            return;
        }
        if (PusherProtocol.isValidSocketId(socketId)) {
            requestSocket.set(socketId);
        } else {
            HeraldLog.malformedSocketIdHeader(Excerpt.of(socketId));
        }
    }
}
