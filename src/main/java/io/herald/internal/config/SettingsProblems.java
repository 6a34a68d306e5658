package io.herald.internal.config;

import io.herald.internal.HeraldMessages;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Every problem of a deployment's settings, gathered while they are read at startup, so that a deployment is failed
 * once with all of them rather than once for each.
 *
 * <pre>{@code
 * SettingsProblems problems = new SettingsProblems();
 * ConnectionConfig config = settings.checkedConnection("local", problems);
 * LocalSettings.from(config);   // a bad value is noted, and read as its default so that reading goes on
 * problems.throwIfAny();        // HERALD-0001 for missing settings alone, HERALD-0003 for one value, else HERALD-0025
 * }</pre>
 */
public final class SettingsProblems {
    private final Set<String> missing = new LinkedHashSet<>();
    private final Set<String> invalid = new LinkedHashSet<>();

    /** A required setting, or one of its alternatives joined by {@code |}, that is not set. */
    void missing(String property) {
        missing.add(property);
    }

    /** A problem stated by a numbered message (a value outside what is accepted, a client library missing). */
    public void add(RuntimeException problem) {
        invalid.add(String.valueOf(problem.getMessage()));
    }

    /** Whether nothing was found wrong. */
    public boolean isEmpty() {
        return missing.isEmpty() && invalid.isEmpty();
    }

    /**
     * Fails with every problem found: HERALD-0001 naming every missing setting, or a single problem as it is, or
     * HERALD-0025 listing them all.
     *
     * @throws IllegalStateException when any problem was found
     */
    public void throwIfAny() {
        List<String> all = new ArrayList<>();
        if (!missing.isEmpty()) {
            all.add(HeraldMessages.missingProperties(List.copyOf(missing)).getMessage());
        }
        all.addAll(invalid);
        if (all.size() == 1) {
            throw new IllegalStateException(all.get(0));
        }
        if (!all.isEmpty()) {
            throw HeraldMessages.invalidSettings(all);
        }
    }
}
