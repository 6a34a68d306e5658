package io.herald;

import java.util.Collection;
import java.util.concurrent.CompletionStage;

/**
 * Broadcasts without firing a CDI event, and signs channel authorizations: Masonite's {@code Broadcast} facade.
 *
 * <pre>{@code
 * @Inject Broadcaster broadcaster;
 *
 * broadcaster.channel("releases", "NewRelease", Map.of("version", "4.0.0"));
 * broadcaster.channel(List.of("channel1", "channel2"), "event_name", Map.of("key", "value"));
 * broadcaster.channel(new AdminUserAlert("Some dependencies are outdated !", "warning"));
 * broadcaster.connection("pusher").authorize("private-1", socketId);   // {"auth":"key:signature"}
 * broadcaster.sendToUser("42", "Invoice", Map.of("total", 12));        // to user 42's signed-in connections
 * broadcaster.terminateUserConnections("42");
 * }</pre>
 *
 * <p>Every call but {@link #channelAsync} delivers before it returns and throws {@link BroadcastException} when it
 * could not. {@link #channel(String, String, Object)} and {@link #channel(Collection, String, Object)} send on exactly
 * the names given and are not subject to the sender rule.
 */
public interface Broadcaster {

    /**
     * Sends {@code event} with {@code data} (JSON-serialised; a String is sent as it is) on one channel.
     *
     * @param channel the channel's full name ({@code private-orders.42})
     * @param event the event's name, as clients bind to it
     * @param data the payload: JSON-serialised, a String sent as it is
     */
    void channel(String channel, String event, Object data);

    /**
     * Sends {@code event} with {@code data} on each of {@code channels}.
     *
     * @param channels the channels' full names
     * @param event the event's name, as clients bind to it
     * @param data the payload: JSON-serialised, a String sent as it is
     */
    void channel(Collection<String> channels, String event, Object data);

    /**
     * Sends a {@link CanBroadcast} event exactly as firing it with {@link Broadcast @Broadcast} does.
     *
     * @param event the event
     */
    void channel(CanBroadcast event);

    /**
     * Queues a {@link CanBroadcast} event for delivery off the caller's thread; the stage completes once it was
     * delivered, or exceptionally with a {@link BroadcastException} once it could not be (after retries).
     *
     * <pre>{@code
     * broadcaster.channelAsync(new NewRelease("4.0.0"))
     *         .exceptionally(failure -> { log.warn("not delivered", failure); return null; });
     * }</pre>
     *
     * @param event the event
     * @return a stage that follows the delivery
     * @throws BroadcastException at once when the event cannot be queued (over a limit, queue full)
     */
    CompletionStage<Void> channelAsync(CanBroadcast event);

    /**
     * The same calls through another configured connection ({@code broadcast.<connection>.*}).
     *
     * <pre>{@code
     * broadcaster.connection("audit").channel("audit-log", "Login", entry);
     * }</pre>
     *
     * @param connection the connection's name
     * @return a broadcaster that sends through it
     */
    Broadcaster connection(String connection);

    /**
     * Masonite's name for {@link #connection(String)}: {@code Broadcast.driver("pusher")}.
     *
     * @param connection the connection's name
     * @return a broadcaster that sends through it
     */
    default Broadcaster driver(String connection) {
        return connection(connection);
    }

    /**
     * The same calls, leaving out the browser that made the current request: the connection named by its
     * {@code X-Socket-ID} header. Outside a request, or without the header, everyone receives the event.
     *
     * <pre>{@code
     * broadcaster.toOthers().channel("chat", "Message", message);   // the sender sees it already
     * }</pre>
     *
     * @return a broadcaster that leaves the requesting browser out
     */
    Broadcaster toOthers();

    /**
     * The JSON a client needs to subscribe {@code socketId} to a private (or encrypted private) channel:
     * {@code {"auth":"key:signature"}}, plus {@code shared_secret} for {@code private-encrypted-} channels.
     *
     * @param channelName the channel's full name
     * @param socketId the client's socket id, as pusher-js sends it
     * @return the JSON answer
     * @throws IllegalArgumentException for a malformed socket id or a channel that is not private
     */
    String authorize(String channelName, String socketId);

    /**
     * The JSON a client needs to join a presence channel as {@code member}:
     * {@code {"auth":"key:signature","channel_data":"{\"user_id\":...}"}}.
     *
     * @param channelName the channel's full name
     * @param socketId the client's socket id, as pusher-js sends it
     * @param member who the user is on the channel
     * @return the JSON answer
     * @throws IllegalArgumentException for a malformed socket id or a channel that is not a presence channel
     */
    String authorize(String channelName, String socketId, PresenceMember member);

    /**
     * The JSON a client needs to sign in as {@code user} (Pusher's user authentication):
     * {@code {"auth":"key:signature","user_data":"{\"id\":...}"}}.
     *
     * @param socketId the client's socket id, as pusher-js sends it
     * @param user the signed-in user
     * @return the JSON answer
     * @throws IllegalArgumentException for a malformed socket id
     */
    String authenticateUser(String socketId, BroadcastUser user);

    /**
     * Sends {@code event} to every connection signed in as {@code userId} (channel {@code #server-to-user-<id>}).
     *
     * @param userId the user's id
     * @param event the event's name, as clients bind to it
     * @param data the payload: JSON-serialised, a String sent as it is
     * @throws IllegalArgumentException for a malformed user id
     * @throws BroadcastException when it could not be delivered
     */
    void sendToUser(String userId, String event, Object data);

    /**
     * Closes every connection signed in as {@code userId}.
     *
     * @param userId the user's id
     * @throws BroadcastException when the driver could not do it
     */
    void terminateUserConnections(String userId);
}
