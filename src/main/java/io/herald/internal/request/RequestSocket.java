package io.herald.internal.request;

import jakarta.enterprise.context.RequestScoped;
import java.util.Optional;

/**
 * The Pusher connection of the browser that made the current HTTP request, from its {@code X-Socket-ID} header
 * ({@link SocketIdFilter}): the one to leave out of a broadcast "to others".
 *
 * <pre>{@code
 * requestSocket.socketId();   // Optional[1234.5678] while handling a request that carried the header
 * }</pre>
 */
@RequestScoped
public class RequestSocket {
    private String socketId;

    /** The socket id of this request, if it carried a valid one. */
    public Optional<String> socketId() {
        return Optional.ofNullable(socketId);
    }

    void set(String socketId) {
        this.socketId = socketId;
    }
}
