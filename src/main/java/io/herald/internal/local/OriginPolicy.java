package io.herald.internal.local;

import java.net.URI;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Which browser origins may open a WebSocket to a {@code local} app ({@code allowed-origins}, and
 * {@code allow-missing-origin} for clients that send no {@code Origin}, as native and server-side clients do).
 * An entry is an origin ({@code https://app.example.com}, {@code http://localhost:8080}) or one whose host starts
 * with {@code *.} ({@code https://*.example.com}: any subdomain, not the domain itself); without a scheme it matches
 * any scheme. No entries: any origin.
 *
 * <pre>{@code
 * OriginPolicy policy = OriginPolicy.of(List.of("https://*.example.com"), true);
 * policy.allows("https://shop.example.com");   // true
 * policy.allows("https://example.com");        // false
 * policy.allows(null);                         // true: no Origin header
 * }</pre>
 */
record OriginPolicy(List<String> allowed, boolean allowMissing) {

    OriginPolicy {
        allowed = allowed.stream().map(entry -> entry.trim().toLowerCase(Locale.ROOT)).filter(e -> !e.isEmpty())
                .map(entry -> entry.endsWith("/") ? entry.substring(0, entry.length() - 1) : entry).toList();
    }

    static OriginPolicy of(List<String> allowed, boolean allowMissing) {
        return new OriginPolicy(allowed, allowMissing);
    }

    /** Whether any origin may connect. */
    boolean allowsAny() {
        return allowed.isEmpty();
    }

    /** Why {@code entry} cannot be an allowed origin, or empty when it can. */
    static Optional<String> problem(String entry) {
        String candidate = entry.contains("://") ? entry : "http://" + entry;
        try {
            URI uri = URI.create(candidate.replace("*.", "wildcard."));
            if (uri.getHost() == null || uri.getRawPath() != null && !uri.getRawPath().isEmpty()
                    && !uri.getRawPath().equals("/") || uri.getRawQuery() != null) {
                return Optional.of("'" + entry + "' is not an origin (scheme://host[:port], host may start with *.)");
            }
            return Optional.empty();
        } catch (IllegalArgumentException e) {
            return Optional.of("'" + entry + "' is not an origin (scheme://host[:port], host may start with *.)");
        }
    }

    /** Whether a handshake with this {@code Origin} header (null or empty: none) is allowed. */
    boolean allows(String origin) {
        if (origin == null || origin.isEmpty()) {
            return allowMissing;
        }
        if (allowed.isEmpty()) {
            return true;
        }
        String given = origin.trim().toLowerCase(Locale.ROOT);
        int schemeEnd = given.indexOf("://");
        if (schemeEnd < 0) {
            return false; // "null" (a sandboxed page or a file) and anything malformed
        }
        String scheme = given.substring(0, schemeEnd);
        String hostAndPort = given.substring(schemeEnd + 3);
        for (String entry : allowed) {
            int entrySchemeEnd = entry.indexOf("://");
            String entryHost = entrySchemeEnd < 0 ? entry : entry.substring(entrySchemeEnd + 3);
            if (entrySchemeEnd >= 0 && !entry.substring(0, entrySchemeEnd).equals(scheme)) {
                continue;
            }
            if (entryHost.startsWith("*.") ? hostAndPort.endsWith(entryHost.substring(1))
                    && hostAndPort.length() > entryHost.length() - 1 : hostAndPort.equals(entryHost)) {
                return true;
            }
        }
        return false;
    }
}
