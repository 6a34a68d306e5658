package io.herald.internal.signing;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HMAC-SHA256 as Pusher uses it everywhere: lower-case hex, and compared in constant time.
 *
 * <pre>{@code
 * String signature = Hmac.sha256Hex(secret, "1234.1234:private-foobar");
 * boolean genuine = Hmac.constantTimeEquals(signature, received);
 * }</pre>
 */
public final class Hmac {
    private static final HexFormat HEX = HexFormat.of();

    private Hmac() {
    }

    /** Lower-case hex HMAC-SHA256 of {@code text} (UTF-8) under {@code secret} (UTF-8). */
    public static String sha256Hex(String secret, String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return HEX.formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /** Whether two strings are equal, taking the same time wherever they differ. */
    public static boolean constantTimeEquals(String expected, String actual) {
        if (expected == null || actual == null) {
            return false;
        }
        return MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), actual.getBytes(StandardCharsets.UTF_8));
    }
}
