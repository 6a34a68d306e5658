package io.herald.internal.auth;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link io.herald.ChannelAuthorizer} pattern such as {@code private-orders.{orderId}}: literal text, and
 * {@code {name}} parts that match a run of channel-name characters without a dot.
 */
record ChannelPattern(String source, Pattern regex, List<String> names, int literalLength) {
    private static final Pattern PART = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");

    static ChannelPattern compile(String source) {
        if (source == null || source.isBlank()) {
            throw new IllegalStateException("HERALD-0016: A ChannelAuthorizer names no channel pattern");
        }
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        int literal = 0;
        int at = 0;
        Matcher part = PART.matcher(source);
        while (part.find()) {
            regex.append(Pattern.quote(source.substring(at, part.start())));
            literal += part.start() - at;
            regex.append("([-a-zA-Z0-9_=@,;]+)");
            names.add(part.group(1));
            at = part.end();
        }
        regex.append(Pattern.quote(source.substring(at)));
        literal += source.length() - at;
        return new ChannelPattern(source, Pattern.compile(regex.toString()), List.copyOf(names), literal);
    }

    /** The values of the named parts when {@code channel} matches the whole pattern. */
    Optional<Map<String, String>> match(String channel) {
        Matcher matcher = regex.matcher(channel);
        if (!matcher.matches()) {
            return Optional.empty();
        }
        Map<String, String> params = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            params.put(names.get(i), matcher.group(i + 1));
        }
        return Optional.of(params);
    }
}
