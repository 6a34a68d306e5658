package io.herald.auth;

/**
 * Decides who may join the channels it names. Implement it as a bean; each authorizer handles the channels its
 * {@link #channel()} pattern matches, and channels no authorizer matches fall to the default policy (any signed-in
 * user; see {@code broadcast.auth.allow-anonymous}).
 *
 * <p>User {@code N} may join {@code private-N}:
 * <pre>{@code
 * @ApplicationScoped
 * public class OwnChannel implements ChannelAuthorizer {
 *     public String channel() { return "private-{userId}"; }
 *
 *     public Authorization authorize(ChannelRequest request) {
 *         return Authorization.allowIf(request.userName().equals(Optional.of(request.param("userId"))));
 *     }
 * }
 * }</pre>
 *
 * <p>Only admins may join {@code private-admins}:
 * <pre>{@code
 * @ApplicationScoped
 * public class AdminsChannel implements ChannelAuthorizer {
 *     public String channel() { return "private-admins"; }
 *
 *     public Authorization authorize(ChannelRequest request) {
 *         return Authorization.allowIf(request.isUserInRole("admin"));
 *     }
 * }
 * }</pre>
 *
 * <p>A pattern is a full channel name in which {@code {name}} stands for a part without dots, passed to
 * {@link ChannelRequest#param}. When several patterns match, the one with the most literal characters decides
 * ({@code private-admins} wins over {@code private-{userId}}).
 */
public interface ChannelAuthorizer {

    /**
     * The channels this authorizer decides on, such as {@code presence-orders.{orderId}}.
     *
     * @return a channel pattern
     */
    String channel();

    /**
     * Whether the request's user may subscribe. An exception counts as a denial (and is logged).
     *
     * @param request who asks for which channel
     * @return the decision
     */
    Authorization authorize(ChannelRequest request);
}
