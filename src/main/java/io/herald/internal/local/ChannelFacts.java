package io.herald.internal.local;

/**
 * The changes on channels that the registry reports as they happen on this instance, after the change and outside its
 * locks: a channel's first subscriber here, its last, and presence members its subscribers were told about.
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
