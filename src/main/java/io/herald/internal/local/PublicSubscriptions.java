package io.herald.internal.local;

import io.herald.auth.PublicSubscriptionGuard;
import io.herald.auth.PublicSubscriptionGuard.Refusal;
import io.herald.internal.HeraldLog;
import java.util.Optional;

/** Who may subscribe to a public channel of one {@code local} app: anyone, or whom the application's guard lets. */
@FunctionalInterface
interface PublicSubscriptions {
    /** Pusher's rule, and Herald's without a guard: anyone. */
    PublicSubscriptions ANYONE = (channel, socket) -> Optional.empty();

    /** Why {@code socket} may not subscribe to {@code channel}, or empty when it may. */
    Optional<Refusal> refusal(String channel, LocalSocket socket);

    /** Asks {@code guard}; a guard that throws refuses (503), logged as HERALD-0229. */
    static PublicSubscriptions guardedBy(PublicSubscriptionGuard guard, String connection) {
        return (channel, socket) -> {
            try {
                return guard.check(new PublicSubscriptionGuard.PublicSubscription(connection, channel,
                        socket.socketId(), socket.origin().isEmpty() ? Optional.empty() : Optional.of(socket.origin())));
            } catch (RuntimeException e) {
                HeraldLog.guardFailed(connection, channel, e);
                return Optional.of(new Refusal(503, "The subscription could not be checked; subscribe again later"));
            }
        };
    }
}
