package io.herald.internal.model;

import io.herald.BroadcastUser;
import io.herald.internal.HeraldMessages;
import io.herald.notifications.ReceivesNotifications;
import java.lang.reflect.Method;
import java.util.Optional;

/**
 * Whom a notification goes to: the private channel's name (without {@code private-}) and the user id of the user's
 * signed-in connections, told from the object an application passes as the user.
 *
 * <pre>{@code
 * Recipient.of(user, "");                   // User.1 / 1 for a User entity with identifier 1
 * Recipient.of(user, "App.Models.");        // App.Models.User.1 / 1
 * }</pre>
 *
 * @param channel the private channel's name, without {@code private-}
 * @param userId the id the user signs in with
 */
public record Recipient(String channel, String userId) {

    /**
     * Tells whom {@code user} is: a {@link ReceivesNotifications} names its channel; an entity is its entity name and
     * identifier, a {@link BroadcastUser} {@code User} and its id, another object its class's simple name and its
     * {@code id()} or {@code getId()}; {@code prefix} goes in front of the derived names.
     *
     * @throws IllegalArgumentException when none applies, or the user has no identifier yet
     */
    public static Recipient of(Object user, String prefix) {
        if (user == null) {
            throw HeraldMessages.unknownRecipient("null");
        }
        if (user instanceof ReceivesNotifications named) {
            return new Recipient(named.receivesBroadcastNotificationsOn(), named.notificationUserId());
        }
        if (user instanceof BroadcastUser signedIn) {
            return derived(prefix, "User", signedIn.id());
        }
        Optional<EntityModel> entity = EntityModel.find(user.getClass());
        if (entity.isPresent()) {
            Object id = entity.get().identifier(user)
                    .orElseThrow(() -> HeraldMessages.noIdentifierYet(entity.get().name()));
            return derived(prefix, entity.get().name(), id);
        }
        return accessor(user, "id").or(() -> accessor(user, "getId"))
                .map(id -> derived(prefix, user.getClass().getSimpleName(), id))
                .orElseThrow(() -> HeraldMessages.unknownRecipient(user.getClass().getName()));
    }

    private static Recipient derived(String prefix, String type, Object id) {
        return new Recipient(prefix + type + "." + id, String.valueOf(id));
    }

    private static Optional<Object> accessor(Object user, String name) {
        try {
            Method method = user.getClass().getMethod(name);
            method.trySetAccessible();
            return method.getParameterCount() == 0 ? Optional.ofNullable(method.invoke(user)) : Optional.empty();
        } catch (NoSuchMethodException e) {
            return Optional.empty();
        } catch (ReflectiveOperationException e) {
            throw HeraldMessages.unreadableAttribute(name, user.getClass().getName(), e);
        }
    }
}
