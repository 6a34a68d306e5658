package io.herald.auth;

import java.util.Objects;
import java.util.Optional;

/**
 * Decides whether a connection to Herald's {@code local} server may subscribe to a public channel, which otherwise
 * anyone may (Pusher's rule). Off unless the application has a bean of this type: then every public subscription of
 * every {@code local} connection asks it first, on the connection's own thread, so it should answer from memory.
 * A refusal reaches the client as {@code pusher:subscription_error} with the status and reason given; a guard that
 * throws refuses the subscription (503) and is logged.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class TenantChannels implements PublicSubscriptionGuard {
 *     @Override
 *     public Optional<Refusal> check(PublicSubscription subscription) {
 *         boolean ownTenant = subscription.origin().filter("https://acme.example.com"::equals).isPresent();
 *         return subscription.channel().startsWith("acme.") && !ownTenant
 *                 ? Optional.of(new Refusal(403, "Only from Acme's site"))
 *                 : Optional.empty();
 *     }
 * }
 * }</pre>
 */
public interface PublicSubscriptionGuard {

    /**
     * Empty to allow the subscription, else why not.
     *
     * @param subscription what is asked for
     * @return empty to allow it, else the refusal
     */
    Optional<Refusal> check(PublicSubscription subscription);

    /**
     * A public subscription asked for.
     *
     * @param connection the {@code local} connection ({@code broadcast.<connection>.*}) the client is connected to
     * @param channel the channel's name
     * @param socketId the client's socket id
     * @param origin the browser page's {@code Origin}, empty for clients that send none
     */
    record PublicSubscription(String connection, String channel, String socketId, Optional<String> origin) {
        /**
         * Checks that the channel and the origin are given.
         *
         * @param connection the {@code local} connection the client is connected to
         * @param channel the channel's name
         * @param socketId the client's socket id
         * @param origin the page's {@code Origin}, empty for clients that send none
         */
        public PublicSubscription {
            Objects.requireNonNull(channel, "channel");
            Objects.requireNonNull(origin, "origin");
        }
    }

    /**
     * Why a subscription is refused.
     *
     * @param status what the client's {@code pusher:subscription_error} carries as {@code status} (an HTTP status,
     *               as Pusher's authorization errors do: 401, 403, 404 ...)
     * @param reason what the client is told
     */
    record Refusal(int status, String reason) {
        /**
         * Checks that the status is an error status and the reason is given.
         *
         * @param status the status the client is told, 400 to 599
         * @param reason what the client is told
         */
        public Refusal {
            Objects.requireNonNull(reason, "reason");
            if (status < 400 || status > 599) {
                throw new IllegalArgumentException("status must be 400 to 599, not " + status);
            }
        }
    }
}
