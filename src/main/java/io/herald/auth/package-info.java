/**
 * Who may listen: a {@link io.herald.auth.ChannelAuthorizer} bean decides, per channel pattern, whether the current
 * user may subscribe to a private or presence channel; a {@link io.herald.auth.UserAuthenticator} signs users in
 * (Pusher's user authentication).
 *
 * <pre>{@code
 * @ApplicationScoped
 * class AdminChannels implements ChannelAuthorizer {
 *     public String channel() { return "private-admin"; }
 *     public Authorization authorize(ChannelRequest request) {
 *         return Authorization.allowIf(request.isUserInRole("admin"));
 *     }
 * }
 * }</pre>
 */
package io.herald.auth;
