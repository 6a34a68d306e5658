package io.herald.internal.delivery;

import io.herald.BroadcastException;
import io.herald.internal.model.NotificationPayload;
import io.herald.internal.model.Recipient;
import io.herald.notifications.Notifier;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Herald's {@link Notifier}: tells the recipient ({@link Recipient}) and the payload ({@link NotificationPayload}) at
 * once, so that a bad call fails its caller, then sends as {@code fire()} does: through the outbox connections in
 * the caller's transaction, and after commit (or at once) everywhere else; with {@code broadcast.notifications.via=user}
 * to the recipient's signed-in connections.
 */
@ApplicationScoped
class NotificationSender implements Notifier {

    @Inject
    BroadcastObserver fire;

    @Inject
    BroadcastDispatcher dispatcher;

    @Inject
    TransactionProbe transactions;

    @Inject
    BroadcastFailures failures;

    @Inject
    ConfiguredConnections connections;

    // A new id per notification, as Laravel gives each notification its UUID.
    private final Supplier<UUID> ids = UUID::randomUUID;

    private String channelPrefix;
    private boolean toSignedInUser;

    @PostConstruct
    void readSettings() {
        channelPrefix = connections.settings().entityChannelPrefix();
        toSignedInUser = connections.settings().notificationsToSignedInUser();
    }

    @Override
    public void send(Object user, Object notification) {
        Recipient recipient = Recipient.of(user, channelPrefix);
        Map<String, Object> payload = NotificationPayload.of(notification, ids.get());
        if (!toSignedInUser) {
            fire.onFire(new NotificationEvent(recipient.channel(), payload, notification));
            return;
        }
        Runnable toUser = () -> dispatcher.sendToUser(BroadcastDispatcher.Target.DEFAULT, recipient.userId(), EVENT,
                payload);
        boolean later = transactions.afterCommit(() -> {
            try {
                toUser.run();
            } catch (BroadcastException e) {
                failures.afterCommit(e, notification);
            }
        });
        if (!later) {
            toUser.run();
        }
    }
}
