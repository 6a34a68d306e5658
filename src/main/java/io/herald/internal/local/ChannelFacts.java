package io.herald.internal.local;

/**
 * The changes on channels that the registry reports as they happen on this instance, after the change and outside its
 * locks: a channel's first subscriber here, its last, and the presence members its subscribers here were told about
 * ({@code member_added} / {@code member_removed}; a member leaving after the last subscriber here left is not
 * reported). In a cluster each instance reports its own view; facts fired once for the cluster build on the bus's
 * join and leave messages.
 *
 * <pre>{@code
 * ChannelFacts facts = new ChannelFacts() {
 *     public void occupied(String channel) { feeds.start(channel); }
 * };
 * }</pre>
 */
interface ChannelFacts {
    /** Reports nothing. */
    ChannelFacts NONE = new ChannelFacts() {
    };

    default void occupied(String channel) {
    }

    default void vacated(String channel) {
    }

    default void memberAdded(String channel, String userId) {
    }

    default void memberRemoved(String channel, String userId) {
    }
}
