package io.herald;

/**
 * The kinds of Pusher channel, told apart by the prefix of the channel's full name.
 *
 * <pre>{@code
 * ChannelType.of("private-encrypted-orders");   // ENCRYPTED_PRIVATE
 * ChannelType.of("presence-lobby").needsAuthorization();  // true
 * }</pre>
 */
public enum ChannelType {
    /** Anyone may subscribe. */
    PUBLIC(""),
    /** {@code private-}: subscribing needs a signed authorization. */
    PRIVATE("private-"),
    /** {@code private-encrypted-}: private, and payloads are end-to-end encrypted. */
    ENCRYPTED_PRIVATE("private-encrypted-"),
    /** {@code presence-}: private, and members see who else is subscribed. */
    PRESENCE("presence-");

    private final String prefix;

    ChannelType(String prefix) {
        this.prefix = prefix;
    }

    /**
     * The prefix every channel of this type starts with; empty for public channels.
     *
     * @return the prefix
     */
    public String prefix() {
        return prefix;
    }

    /**
     * Whether a client needs a signature from the application to subscribe.
     *
     * @return whether it does
     */
    public boolean needsAuthorization() {
        return this != PUBLIC;
    }

    /**
     * The type of the channel with this full name ({@code private-encrypted-} is tested before {@code private-}).
     *
     * @param fullName a channel's full name
     * @return its type
     */
    public static ChannelType of(String fullName) {
        if (fullName.startsWith(ENCRYPTED_PRIVATE.prefix)) {
            return ENCRYPTED_PRIVATE;
        }
        if (fullName.startsWith(PRIVATE.prefix)) {
            return PRIVATE;
        }
        if (fullName.startsWith(PRESENCE.prefix)) {
            return PRESENCE;
        }
        return PUBLIC;
    }
}
