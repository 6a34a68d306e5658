package io.herald.internal.signing;

import io.herald.internal.Excerpt;
import io.herald.internal.protocol.FormBody;
import io.herald.internal.protocol.PusherProtocol;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.Collections;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.Locale;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Checks a signed Pusher REST request as Pusher does: {@code auth_key}, {@code auth_version=1.0},
 * {@code auth_timestamp} within 600 s, {@code body_md5} of the body received, and the HMAC-SHA256 signature of
 * {@code METHOD\nPATH\nsorted query} compared in constant time.
 *
 * <pre>{@code
 * RequestVerifier.Query query = RequestVerifier.parseQuery(rawQuery);   // FormBody.Malformed: answer 400
 * Optional<String> refusal = new RequestVerifier(key, secret)
 *         .refusal("POST", "/apps/3/events", query, body, Instant.now());
 * // empty: genuine, and query.parameters() is exactly what was signed; else answer 401 with the reason
 * }</pre>
 *
 * <p>A parameter given twice (in any case) is refused: the signature covers one value of it, and whoever reads the
 * query later must not find another.
 */
public final class RequestVerifier {
    private final String key;
    private final List<String> secrets;

    public RequestVerifier(String key, String secret) {
        this(key, List.of(secret));
    }

    /** A verifier that accepts a signature made with any of {@code secrets} (a secret rotation). */
    public RequestVerifier(String key, List<String> secrets) {
        this.key = key;
        this.secrets = List.copyOf(secrets);
    }

    /**
     * A request's query parameters, each name once, and the names that were given more than once.
     *
     * @param parameters every parameter by its name as sent, the first value of a repeated one
     * @param repeated names (lower-cased) given more than once, in any case
     */
    public record Query(Map<String, String> parameters, Set<String> repeated) {
        public Query {
            parameters = Collections.unmodifiableMap(new TreeMap<>(parameters));
            repeated = Set.copyOf(repeated);
        }

        /** One parameter's value. */
        public Optional<String> get(String name) {
            return Optional.ofNullable(parameters.get(name));
        }
    }

    /** Why the request is refused (answer 401 with it), or empty when it is genuine. */
    public Optional<String> refusal(String method, String path, Query signed, byte[] body, Instant now) {
        if (!signed.repeated().isEmpty()) {
            return Optional.of("Parameter '" + Excerpt.of(signed.repeated().stream().sorted().findFirst().orElseThrow())
                    + "' is given more than once; each parameter must appear once, as signed");
        }
        Map<String, String> query = signed.parameters();
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
        String signature = query.getOrDefault("auth_signature", "");
        // Every secret is tried, so the time taken does not tell which one matched.
        boolean genuine = false;
        for (String secret : secrets) {
            genuine |= Hmac.constantTimeEquals(Hmac.sha256Hex(secret, toSign), signature);
        }
        if (!genuine) {
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
    public static Query parseQuery(String rawQuery) throws FormBody.Malformed {
        Map<String, String> parameters = new TreeMap<>();
        Set<String> seen = new HashSet<>();
        Set<String> repeated = new TreeSet<>();
        for (Map.Entry<String, String> pair : FormBody.pairs(rawQuery)) {
            parameters.putIfAbsent(pair.getKey(), pair.getValue());
            String name = pair.getKey().toLowerCase(Locale.ROOT);
            if (!seen.add(name)) {
                repeated.add(name);
            }
        }
        return new Query(parameters, repeated);
    }

    static String md5Hex(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
