package io.herald.internal.protocol;

import io.herald.Channel;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A channel-name pattern, as {@link io.herald.auth.ChannelAuthorizer}s and the {@code local} server's namespaces use
 * it, such as {@code private-orders.{orderId}}: literal text, and {@code {name}} parts that match a run of channel-name
 * characters without a dot.
 *
 * <pre>{@code
 * ChannelPattern pattern = ChannelPattern.compile("private-orders.{orderId}");
 * pattern.match("private-orders.42");                                 // Optional[{orderId=42}]
 * pattern.overlap(ChannelPattern.compile("private-{kind}.42"));       // Optional[private-orders.42]
 * }</pre>
 */
public record ChannelPattern(String source, Pattern regex, List<String> names, int literalLength, List<Token> tokens) {
    private static final Pattern PART = Pattern.compile("\\{([A-Za-z][A-Za-z0-9_]*)}");
    private static final String PART_CHARACTERS = Channel.NAME_CHARACTERS.replace(".", "");
    private static final Pattern LITERAL = Pattern.compile("[" + Channel.NAME_CHARACTERS + "]*");

    /** One character of the pattern's language: a literal, or any character a {@code {name}} part takes. */
    public record Token(char literal, boolean anyPartCharacter, boolean repeats) {
        boolean accepts(char c) {
            return anyPartCharacter ? c != '.' && LITERAL.matcher(String.valueOf(c)).matches() : c == literal;
        }
    }

    /** Why {@code source} cannot be a pattern, or empty when it can. */
    public static Optional<String> problem(String source) {
        if (source == null || source.isBlank()) {
            return Optional.of("is blank");
        }
        String literals = PART.matcher(source).replaceAll("");
        if (!LITERAL.matcher(literals).matches()) {
            return Optional.of("has characters no channel name has (a {name} part is letters, digits and _ in braces)");
        }
        return Optional.empty();
    }

    /** The pattern; {@link #problem(String)} must have found none. */
    public static ChannelPattern compile(String source) {
        StringBuilder regex = new StringBuilder();
        List<String> names = new ArrayList<>();
        List<Token> tokens = new ArrayList<>();
        int literal = 0;
        int at = 0;
        Matcher part = PART.matcher(source);
        while (part.find()) {
            literal += literal(source.substring(at, part.start()), regex, tokens);
            regex.append("([").append(PART_CHARACTERS).append("]+)");
            names.add(part.group(1));
            tokens.add(new Token(' ', true, false));
            tokens.add(new Token(' ', true, true));
            at = part.end();
        }
        literal += literal(source.substring(at), regex, tokens);
        return new ChannelPattern(source, Pattern.compile(regex.toString()), List.copyOf(names), literal,
                List.copyOf(tokens));
    }

    private static int literal(String text, StringBuilder regex, List<Token> tokens) {
        regex.append(Pattern.quote(text));
        text.chars().forEach(c -> tokens.add(new Token((char) c, false, false)));
        return text.length();
    }

    /** The values of the named parts when {@code channel} matches the whole pattern. */
    public Optional<Map<String, String>> match(String channel) {
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

    /**
     * A channel name both patterns match, or empty when none exists: a walk over pairs of positions in the two
     * patterns, where a {@code {name}} part is one part character followed by any number more.
     */
    public Optional<String> overlap(ChannelPattern other) {
        record Step(int mine, int theirs) {
        }
        Map<Step, Step> cameFrom = new HashMap<>();
        Map<Step, Character> spelled = new HashMap<>();
        Deque<Step> pending = new ArrayDeque<>();
        Step start = new Step(0, 0);
        cameFrom.put(start, start);
        pending.add(start);
        while (!pending.isEmpty()) {
            Step at = pending.poll();
            if (at.mine() == tokens.size() && at.theirs() == other.tokens.size()) {
                StringBuilder example = new StringBuilder();
                for (Step step = at; !step.equals(start); step = cameFrom.get(step)) {
                    Character c = spelled.get(step);
                    if (c != null) {
                        example.append(c);
                    }
                }
                return Optional.of(example.reverse().toString());
            }
            List<Step> next = new ArrayList<>();
            List<Character> letters = new ArrayList<>();
            Token mine = at.mine() < tokens.size() ? tokens.get(at.mine()) : null;
            Token theirs = at.theirs() < other.tokens.size() ? other.tokens.get(at.theirs()) : null;
            if (mine != null && mine.repeats()) {
                next.add(new Step(at.mine() + 1, at.theirs()));
                letters.add(null);
            }
            if (theirs != null && theirs.repeats()) {
                next.add(new Step(at.mine(), at.theirs() + 1));
                letters.add(null);
            }
            if (mine != null && theirs != null) {
                char c = !mine.anyPartCharacter() ? mine.literal() : !theirs.anyPartCharacter() ? theirs.literal() : 'x';
                if (mine.accepts(c) && theirs.accepts(c)) {
                    next.add(new Step(mine.repeats() ? at.mine() : at.mine() + 1,
                            theirs.repeats() ? at.theirs() : at.theirs() + 1));
                    letters.add(c);
                }
            }
            for (int i = 0; i < next.size(); i++) {
                Step step = next.get(i);
                if (!cameFrom.containsKey(step)) {
                    cameFrom.put(step, at);
                    if (letters.get(i) != null) {
                        spelled.put(step, letters.get(i));
                    }
                    pending.add(step);
                }
            }
        }
        return Optional.empty();
    }
}
