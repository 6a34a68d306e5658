package io.herald;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A channel an event is broadcast on, named as Pusher names it.
 *
 * <pre>{@code
 * new Channel("releases");             // public: anyone may listen
 * new Channel("private-admins");       // the private channel it names, sent without the sender rule
 * new PrivateChannel("admins");        // private-admins, sent only when a user is signed in
 * new PresenceChannel("lobby");        // presence-lobby
 * }</pre>
 *
 * <p>Names follow Pusher's rules: 1 to {@value #MAX_NAME_LENGTH} characters from
 * {@code A-Z a-z 0-9 _ - = @ , . ;}. Anything else fails with an {@link IllegalArgumentException} that
 * quotes the name.
 */
public sealed class Channel permits PrivateChannel, PresenceChannel {

    /** The longest channel name Pusher's documentation allows, prefix included. */
    public static final int MAX_NAME_LENGTH = 164;

    /** The characters a channel name is made of, as a regular-expression character class body. */
    public static final String NAME_CHARACTERS = "-a-zA-Z0-9_=@,.;";

    private static final Pattern VALID_NAME = Pattern.compile("[" + NAME_CHARACTERS + "]+");

    private final String name;

    /**
     * A channel with this full name; its {@link #type()} follows from the name's prefix.
     *
     * @param name the full name, prefix included
     */
    public Channel(String name) {
        this.name = requireValidName(name);
    }

    Channel(String prefix, String name) {
        Objects.requireNonNull(name, "channel name");
        this.name = requireValidName(name.startsWith(prefix) ? name : prefix + name);
    }

    /**
     * The full name on the wire, prefix included ({@code private-admins}).
     *
     * @return the name
     */
    public String name() {
        return name;
    }

    /**
     * The kind of channel its name makes it.
     *
     * @return the type
     */
    public ChannelType type() {
        return ChannelType.of(name);
    }

    /**
     * Whether the name is one Pusher accepts for a channel an application creates.
     *
     * <pre>{@code
     * Channel.isValidName("orders.42");     // true
     * Channel.isValidName("#server-to-user-1");   // false: '#' is reserved for Pusher
     * }</pre>
     *
     * @param name a channel name, or {@code null}
     * @return whether it is valid
     */
    public static boolean isValidName(String name) {
        return name != null && name.length() <= MAX_NAME_LENGTH && VALID_NAME.matcher(name).matches();
    }

    private static String requireValidName(String name) {
        if (name == null) {
            throw new IllegalArgumentException("Channel name must not be null");
        }
        if (!isValidName(name)) {
            throw new IllegalArgumentException("Invalid channel name '" + name + "': use 1 to " + MAX_NAME_LENGTH
                    + " characters from A-Z a-z 0-9 _ - = @ , . ;");
        }
        return name;
    }

    @Override
    public boolean equals(Object other) {
        return other != null && other.getClass() == getClass() && ((Channel) other).name.equals(name);
    }

    @Override
    public int hashCode() {
        return name.hashCode();
    }

    @Override
    public String toString() {
        return getClass().getSimpleName() + "[" + name + "]";
    }
}
