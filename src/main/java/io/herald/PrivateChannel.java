package io.herald;

/**
 * A private channel: {@code private-} is prepended once, and browsers need the application's
 * authorization to subscribe.
 *
 * <pre>{@code
 * new PrivateChannel("admins").name();          // "private-admins"
 * new PrivateChannel("private-admins").name();  // "private-admins", not "private-private-admins"
 * }</pre>
 *
 * <p>Herald sends an event on a {@code PrivateChannel} only while a user is signed in (Masonite's sender
 * rule; {@code broadcast.private-channels.require-user=false} turns it off).
 */
public sealed class PrivateChannel extends Channel permits EncryptedPrivateChannel {

    /**
     * The private channel {@code private-<name>}.
     *
     * @param name the name without the prefix
     */
    public PrivateChannel(String name) {
        super(ChannelType.PRIVATE.prefix(), name);
    }

    PrivateChannel(String prefix, String name) {
        super(prefix, name);
    }
}
