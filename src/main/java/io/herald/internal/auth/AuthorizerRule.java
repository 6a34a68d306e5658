package io.herald.internal.auth;

import io.herald.internal.HeraldMessages;
import io.herald.internal.protocol.ChannelPattern;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The rule every set of {@link io.herald.auth.ChannelAuthorizer}s must follow, checked when the application starts, the
 * same way in every runtime: each pattern can match channels, and no two patterns are equally specific while matching
 * a channel in common (which of them decides would otherwise be an accident of ordering).
 *
 * <pre>{@code
 * AuthorizerRule.check(List.of(new Declared("app.Own", "private-{user}"), new Declared("app.Any", "private-{id}")));
 * // IllegalStateException: HERALD-0018: ChannelAuthorizers app.Own ('private-{user}') and app.Any ('private-{id}') ...
 * }</pre>
 */
final class AuthorizerRule {

    /** An authorizer bean and the pattern it declares. */
    record Declared(String bean, String pattern) {
    }

    private AuthorizerRule() {
    }

    /**
     * Checks the authorizers.
     *
     * @throws IllegalStateException listing every problem, each naming its beans
     */
    static void check(List<Declared> declared) {
        List<String> problems = problems(declared);
        if (!problems.isEmpty()) {
            throw new IllegalStateException(String.join("\n", problems));
        }
    }

    static List<String> problems(List<Declared> declared) {
        List<String> problems = new ArrayList<>();
        List<Declared> valid = new ArrayList<>();
        List<ChannelPattern> patterns = new ArrayList<>();
        for (Declared authorizer : declared) {
            Optional<String> problem = ChannelPattern.problem(authorizer.pattern());
            if (problem.isPresent()) {
                problems.add(HeraldMessages.invalidAuthorizerPattern(authorizer.bean(), authorizer.pattern(),
                        problem.get()));
            } else {
                valid.add(authorizer);
                patterns.add(ChannelPattern.compile(authorizer.pattern()));
            }
        }
        for (int i = 0; i < patterns.size(); i++) {
            for (int j = i + 1; j < patterns.size(); j++) {
                if (patterns.get(i).literalLength() != patterns.get(j).literalLength()) {
                    continue;
                }
                int first = i;
                int second = j;
                patterns.get(i).overlap(patterns.get(j)).ifPresent(example -> problems.add(
                        HeraldMessages.ambiguousAuthorizers(valid.get(first).bean(), valid.get(first).pattern(),
                                valid.get(second).bean(), valid.get(second).pattern(), example)));
            }
        }
        return problems;
    }
}
