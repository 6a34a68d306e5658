package io.herald;

/**
 * A presence channel: {@code presence-} is prepended once; subscribers are authorized like on a private
 * channel and see who else is there.
 *
 * <pre>{@code
 * new PresenceChannel("lobby").name();   // "presence-lobby"
 * }</pre>
 *
 * <p>Like {@link PrivateChannel}, it is sent on only while a user is signed in.
 */
public final class PresenceChannel extends Channel {

    /**
     * The presence channel {@code presence-<name>}.
     *
     * @param name the name without the prefix
     */
    public PresenceChannel(String name) {
        super(ChannelType.PRESENCE.prefix(), name);
    }
}
