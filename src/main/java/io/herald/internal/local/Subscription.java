package io.herald.internal.local;

/**
 * What a connection holds on one channel it subscribed to.
 *
 * <pre>{@code
 * if (socket.subscriptions().get(channel) instanceof Subscription.Presence presence) {
 *     fanout.leavePresence(channel, presence.userId());
 * }
 * }</pre>
 */
sealed interface Subscription {
    /** A public, private or cache channel: a subscriber, counted by the fan-out. */
    Subscription PLAIN = new Plain();
    /** The connection's own {@code #server-to-user-<id>} channel: held by its sign-in, not by a channel here. */
    Subscription OWN_USER = new OwnUser();
    /**
     * Asked for, while the channel's events are on their way to this instance (the fan-out's {@code hold}): nothing
     * here yet; whoever completes or abandons it ends the hold.
     */
    Subscription PENDING = new Pending();

    /** Whether leaving changes a channel here and its count in the fan-out. */
    default boolean isHeld() {
        return true;
    }

    /** A public, private or cache channel. */
    record Plain() implements Subscription {
    }

    /** A presence channel, joined as the member {@code userId}. */
    record Presence(String userId) implements Subscription {
    }

    /** Asked for; the channel's events do not reach this instance yet. */
    record Pending() implements Subscription {
        @Override
        public boolean isHeld() {
            return false;
        }
    }

    /** The connection's own user channel, to which events for its user are delivered. */
    record OwnUser() implements Subscription {
        @Override
        public boolean isHeld() {
            return false;
        }
    }
}
