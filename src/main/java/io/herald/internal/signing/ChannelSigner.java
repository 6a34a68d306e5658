package io.herald.internal.signing;

import com.google.gson.JsonObject;
import io.herald.ChannelType;
import io.herald.internal.HeraldMessages;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.spi.ConnectionConfig;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Optional;

/**
 * Signs what a Pusher client sends to subscribe or sign in, as Pusher's "auth signatures" specify:
 * {@code socket_id:channel}, {@code socket_id:channel:channel_data} and {@code socket_id::user::user_data}.
 *
 * <pre>{@code
 * ChannelSigner signer = new ChannelSigner(key, secret, Optional.empty());
 * signer.authorizePrivate("private-foobar", "1234.1234");   // {"auth":"key:58df8b0c..."}
 * signer.token(socketId + ":" + channel);                   // what a subscription's auth must equal
 * }</pre>
 */
public final class ChannelSigner {
    private final String key;
    private final String secret;
    private final Optional<byte[]> encryptionMasterKey;

    public ChannelSigner(String key, String secret, Optional<byte[]> encryptionMasterKey) {
        this.key = key;
        this.secret = secret;
        this.encryptionMasterKey = encryptionMasterKey;
    }

    /**
     * The signer for a connection's {@code client} (or {@code key}), {@code secret} and {@code encryption-master-key},
     * or empty when it has no key and secret.
     *
     * @throws IllegalStateException naming the property when the master key is not 32 bytes of base64
     */
    public static Optional<ChannelSigner> of(ConnectionConfig config) {
        Optional<String> key = config.getAny("client", "key");
        Optional<String> secret = config.get("secret");
        if (key.isEmpty() || secret.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(new ChannelSigner(key.get(), secret.get(), masterKey(config)));
    }

    private static Optional<byte[]> masterKey(ConnectionConfig config) {
        return config.get("encryption-master-key").map(base64 -> {
            try {
                byte[] bytes = Base64.getDecoder().decode(base64);
                if (bytes.length == 32) {
                    return bytes;
                }
            } catch (IllegalArgumentException e) {
                // reported below
            }
            throw HeraldMessages.invalidProperty(config.property("encryption-master-key"), "32 bytes encoded in base64");
        });
    }

    public String key() {
        return key;
    }

    /** {@code {"auth":...}} for a private channel, with {@code shared_secret} for an encrypted one. */
    public String authorizePrivate(String channel, String socketId) {
        requireSocketId(socketId);
        ChannelType type = ChannelType.of(channel);
        if (type != ChannelType.PRIVATE && type != ChannelType.ENCRYPTED_PRIVATE) {
            throw HeraldMessages.notAuthorizable(channel, "a private channel");
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("auth", token(socketId + ":" + channel));
        if (type == ChannelType.ENCRYPTED_PRIVATE) {
            answer.addProperty("shared_secret", sharedSecret(channel));
        }
        return answer.toString();
    }

    /** {@code {"auth":...,"channel_data":...}} for a presence channel; {@code channelData} is signed as given. */
    public String authorizePresence(String channel, String socketId, String channelData) {
        requireSocketId(socketId);
        if (ChannelType.of(channel) != ChannelType.PRESENCE) {
            throw HeraldMessages.notAuthorizable(channel, "a presence channel");
        }
        JsonObject answer = new JsonObject();
        answer.addProperty("auth", token(socketId + ":" + channel + ":" + channelData));
        answer.addProperty("channel_data", channelData);
        return answer.toString();
    }

    /** {@code {"auth":...,"user_data":...}} for Pusher's user sign-in; {@code userData} is signed as given. */
    public String authenticateUser(String socketId, String userData) {
        requireSocketId(socketId);
        JsonObject answer = new JsonObject();
        answer.addProperty("auth", token(socketId + "::user::" + userData));
        answer.addProperty("user_data", userData);
        return answer.toString();
    }

    /** Whether an encryption master key is configured, so that encrypted channels can be authorized. */
    public boolean canEncrypt() {
        return encryptionMasterKey.isPresent();
    }

    /** {@code key:hex(HMAC-SHA256(secret, text))}. */
    public String token(String text) {
        return key + ":" + Hmac.sha256Hex(secret, text);
    }

    /** Base64 of SHA-256(channel name bytes + master key): the per-channel key of an encrypted channel. */
    public String sharedSecret(String channel) {
        byte[] master = encryptionMasterKey.orElseThrow(() -> HeraldMessages.encryptedWithoutMasterKey(channel));
        try {
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            sha256.update(channel.getBytes(StandardCharsets.UTF_8));
            sha256.update(master);
            return Base64.getEncoder().encodeToString(sha256.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void requireSocketId(String socketId) {
        if (!PusherProtocol.isValidSocketId(socketId)) {
            throw HeraldMessages.invalidSocketId(socketId);
        }
    }
}
