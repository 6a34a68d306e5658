package io.herald.internal.signing;

import io.herald.internal.protocol.FormBody;
import io.herald.internal.protocol.PusherProtocol;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Checks a signed Pusher REST request as Pusher does: {@code auth_key}, {@code auth_version=1.0},
 * {@code auth_timestamp} within 600 s, {@code body_md5} of the body received, and the HMAC-SHA256 signature of
 * {@code METHOD\nPATH\nsorted query} compared in constant time.
 *
 * <pre>{@code
 * Optional<String> refusal = new RequestVerifier(key, secret)
 *         .refusal("POST", "/apps/3/events", RequestVerifier.parseQuery(rawQuery), body, Instant.now());
 * // empty: genuine; else answer 401 with the reason
 * }</pre>
 */
public final class RequestVerifier {
    private final String key;
    private final String secret;

    public RequestVerifier(String key, String secret) {
        this.key = key;
        this.secret = secret;
    }

    /** Why the request is refused (answer 401 with it), or empty when it is genuine. */
    public Optional<String> refusal(String method, String path, Map<String, String> query, byte[] body, Instant now) {
        if (!Hmac.constantTimeEquals(key, query.get("auth_key"))) {
            return Optional.of("Unknown auth_key");
        }
        if (!"1.0".equals(query.get("auth_version"))) {
            return Optional.of("Invalid auth_version");
        }
        String timestamp = query.get("auth_timestamp");
        if (!PusherProtocol.isFreshTimestamp(timestamp, now.getEpochSecond())) {
            return Optional.of("Timestamp expired or invalid: auth_timestamp must be the seconds since the epoch within "
                    + PusherProtocol.MAX_TIMESTAMP_SKEW_SECONDS + "s of server time (" + now.getEpochSecond() + ")");
        }
        if (body.length > 0 && !md5Hex(body).equals(query.get("body_md5"))) {
            return Optional.of("Invalid body_md5");
        }
        String toSign = method.toUpperCase() + "\n" + path + "\n" + sortedQuery(query);
        if (!Hmac.constantTimeEquals(Hmac.sha256Hex(secret, toSign), query.getOrDefault("auth_signature", ""))) {
            return Optional.of("Invalid signature: you should have sent HmacSHA256Hex(\""
                    + toSign.replace("\n", "\\n") + "\", your_secret_key)");
        }
        return Optional.empty();
    }

    /** The query without {@code auth_signature}: keys lower-cased and sorted, values unescaped, joined with {@code &}. */
    public static String sortedQuery(Map<String, String> query) {
        TreeMap<String, String> sorted = new TreeMap<>();
        query.forEach((k, v) -> {
            if (!k.equalsIgnoreCase("auth_signature")) {
                sorted.put(k.toLowerCase(), v);
            }
        });
        StringBuilder text = new StringBuilder();
        sorted.forEach((k, v) -> text.append(text.length() == 0 ? "" : "&").append(k).append('=').append(v));
        return text.toString();
    }

    /**
     * The decoded parameters of a raw query string.
     *
     * @throws FormBody.Malformed for a malformed percent-escape
     */
    public static Map<String, String> parseQuery(String rawQuery) throws FormBody.Malformed {
        return new TreeMap<>(FormBody.decode(rawQuery));
    }

    static String md5Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
