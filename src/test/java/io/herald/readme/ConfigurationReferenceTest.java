package io.herald.readme;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * docs/configuration.md lists exactly the settings the code reads: every key a connection's settings are asked for
 * ({@code config.getInt("queue-capacity", ...)} and its kin, anywhere in Herald), every one of Herald's own
 * ({@code value("broadcast.json", ...)}), and a namespace's options, so that a setting added, renamed or dropped in
 * the code fails the build until the reference says so.
 */
class ConfigurationReferenceTest {
    private static final Pattern CONNECTION_KEY = Pattern.compile(
            "\\bconfig\\.(?:get|getInt|getBoolean|getChoice|require)\\(\"([a-z0-9.-]+)\"");
    private static final Pattern ANY_OF_KEYS = Pattern.compile("\\bconfig\\.requireAny\\(((?:\"[a-z0-9.-]+\",?\\s*)+)\\)");
    private static final Pattern OWN_KEY = Pattern.compile("\\b(?:value|flag|number)\\(\"(broadcast\\.[a-z0-9.-]+)\"");
    private static final Pattern NAMESPACE_OPTION = Pattern.compile("\\bkey\\(name, \"([a-z0-9-]+)\"\\)");
    private static final Pattern QUOTED = Pattern.compile("\"([a-z0-9.-]+)\"");
    private static final Pattern ROW = Pattern.compile("(?m)^\\| `([^`]+)` \\|");

    @Test
    void theReferenceListsEverySettingTheCodeReadsAndNoOther() throws IOException {
        Set<String> read = new TreeSet<>();
        try (Stream<Path> sources = Files.walk(Path.of("src/main/java"))) {
            for (Path source : sources.filter(file -> file.toString().endsWith(".java")).toList()) {
                String code = withoutComments(Files.readString(source, StandardCharsets.UTF_8));
                all(CONNECTION_KEY, code).forEach(key -> read.add("broadcast.<connection>." + key));
                all(ANY_OF_KEYS, code).forEach(keys -> all(QUOTED, keys)
                        .forEach(key -> read.add("broadcast.<connection>." + key)));
                read.addAll(all(OWN_KEY, code));
                all(NAMESPACE_OPTION, code).forEach(option -> read.add("broadcast.<connection>.namespace.<name>."
                        + option));
            }
        }
        Set<String> documented = new TreeSet<>(all(ROW, Files.readString(Path.of("docs/configuration.md"))));

        assertThat(read).as("what the code reads").hasSizeGreaterThan(60);
        assertThat(documented).as("docs/configuration.md").isEqualTo(read);
    }

    private static Set<String> all(Pattern pattern, String text) {
        Set<String> found = new TreeSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }

    // Javadoc examples name settings too, as a reader would write them: only code counts. Comments that open a line
    // only: "https://*.example.com" in a string is no comment.
    private static String withoutComments(String code) {
        return code.replaceAll("(?sm)^\\s*/\\*.*?\\*/", "").replaceAll("(?m)^\\s*//[^\\n]*", "");
    }
}
