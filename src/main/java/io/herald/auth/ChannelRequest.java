package io.herald.auth;

import io.herald.ChannelType;
import java.security.Principal;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * What a browser asks when it subscribes to a private or presence channel, as a {@link ChannelAuthorizer} sees it.
 *
 * <pre>{@code
 * request.channel();           // "private-orders.42"
 * request.param("orderId");    // "42", for the pattern "private-orders.{orderId}"
 * request.userName();          // Optional[ada], from the JAX-RS SecurityContext
 * request.isUserInRole("admin");
 * }</pre>
 */
public final class ChannelRequest {
    private final String channel;
    private final String socketId;
    private final Principal user;
    private final Predicate<String> roles;
    private final Map<String, String> params;

    /**
     * @param channel the full channel name
     * @param socketId the socket asking
     * @param user the signed-in user, or {@code null}
     * @param roles whether the user has a role
     * @param params the values of the authorizer pattern's {@code {name}} parts
     */
    public ChannelRequest(String channel, String socketId, Principal user, Predicate<String> roles,
            Map<String, String> params) {
        this.channel = channel;
        this.socketId = socketId;
        this.user = user;
        this.roles = roles;
        this.params = Map.copyOf(params);
    }

    /**
     * The full channel name, prefix included.
     *
     * @return the name
     */
    public String channel() {
        return channel;
    }

    /**
     * The kind of channel.
     *
     * @return the type
     */
    public ChannelType type() {
        return ChannelType.of(channel);
    }

    /**
     * The id of the socket that wants to subscribe.
     *
     * @return the socket id
     */
    public String socketId() {
        return socketId;
    }

    /**
     * The signed-in user, if any.
     *
     * @return the user, empty for an anonymous request
     */
    public Optional<Principal> user() {
        return Optional.ofNullable(user);
    }

    /**
     * The signed-in user's name, if any.
     *
     * @return the user's name, empty for an anonymous request
     */
    public Optional<String> userName() {
        return user().map(Principal::getName);
    }

    /**
     * Whether a user is signed in and has {@code role}.
     *
     * @param role a role of the container's security
     * @return whether the user has it
     */
    public boolean isUserInRole(String role) {
        return user != null && roles.test(role);
    }

    /**
     * The value of the pattern part {@code {name}}.
     *
     * @param name the part's name, as in the pattern
     * @return its value in this channel's name
     * @throws IllegalArgumentException when the authorizer's pattern has no such part
     */
    public String param(String name) {
        String value = params.get(name);
        if (value == null) {
            throw new IllegalArgumentException("No {" + name + "} in the pattern that matched '" + channel + "'");
        }
        return value;
    }

    /**
     * Every pattern part's value, by name.
     *
     * @return the values
     */
    public Map<String, String> params() {
        return params;
    }
}
