package io.herald.notifications;

/**
 * A user that names its own notification channel, as Laravel's {@code receivesBroadcastNotificationsOn()} does;
 * implementing it is optional.
 *
 * <pre>{@code
 * @Entity
 * public class Account implements ReceivesNotifications {
 *     @Id String login;
 *
 *     public String receivesBroadcastNotificationsOn() {
 *         return "App.Models.User." + login;    // the channel a front end written for Laravel listens on
 *     }
 * }
 * }</pre>
 */
public interface ReceivesNotifications {

    /**
     * The private channel notifications go out on, without {@code private-}.
     *
     * @return the channel's name, e.g. {@code User.1}
     */
    String receivesBroadcastNotificationsOn();

    /**
     * The user id of this user's signed-in connections, for {@code broadcast.notifications.via=user}.
     *
     * @return by default the part of the channel's name after its last dot
     */
    default String notificationUserId() {
        String channel = receivesBroadcastNotificationsOn();
        return channel.substring(channel.lastIndexOf('.') + 1);
    }
}
