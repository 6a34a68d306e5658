package io.herald;

/**
 * A private channel whose payloads are end-to-end encrypted: {@code private-encrypted-} is prepended once.
 * The connection needs {@code broadcast.<connection>.encryption-master-key} (32 bytes, base64), and the
 * browser needs the {@code pusher-js/with-encryption} build.
 *
 * <pre>{@code
 * new EncryptedPrivateChannel("payroll").name();   // "private-encrypted-payroll"
 * }</pre>
 */
public final class EncryptedPrivateChannel extends PrivateChannel {

    /**
     * The encrypted channel {@code private-encrypted-<name>}.
     *
     * @param name the name without the prefix
     */
    public EncryptedPrivateChannel(String name) {
        super(ChannelType.ENCRYPTED_PRIVATE.prefix(), name);
    }
}
