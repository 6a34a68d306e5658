package it.scenarios;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * Finds a JDK of at least a given feature version for a server that needs a newer Java than the library's 17 (Payara
 * 7, GlassFish 8, Helidon 4 need 21): the system property {@code java<N>.home} if set, else the JVM running the tests
 * if it is new enough, else the newest such JDK installed beside it (e.g. under {@code /usr/lib/jvm}). Where there is
 * none, the test class is skipped with one line saying what it needs, never silently.
 *
 * <pre>{@code
 * Path java = NewerJava.require(21, "Payara Micro 7").resolve("bin/java");
 * }</pre>
 */
public final class NewerJava {
    private static final Pattern VERSION = Pattern.compile("(?m)^JAVA_VERSION=\"(\\d+)");

    private NewerJava() {
    }

    /** The home of a JDK of at least {@code feature}, or the calling test class is skipped saying who needs it. */
    public static Path require(int feature, String who) {
        Optional<Path> found = find(feature);
        Assumptions.assumeTrue(found.isPresent(), () -> who + " needs Java " + feature + " or newer, and none was found"
                + " (set -Djava" + feature + ".home=<a JDK's home> to run it)");
        return found.get();
    }

    static Optional<Path> find(int feature) {
        String configured = System.getProperty("java" + feature + ".home");
        if (configured != null && !configured.isBlank()) {
            return Optional.of(Path.of(configured));
        }
        Path running = Path.of(System.getProperty("java.home"));
        if (Runtime.version().feature() >= feature) {
            return Optional.of(running);
        }
        Path installed = running.toAbsolutePath().getParent();
        if (installed == null || !Files.isDirectory(installed)) {
            return Optional.empty();
        }
        try (Stream<Path> homes = Files.list(installed)) {
            return homes.filter(home -> Files.isExecutable(home.resolve("bin/java")))
                    .filter(home -> featureOf(home) >= feature)
                    .max(Comparator.comparingInt(NewerJava::featureOf));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    private static int featureOf(Path home) {
        try {
            Matcher version = VERSION.matcher(Files.readString(home.resolve("release")));
            return version.find() ? Integer.parseInt(version.group(1)) : 0;
        } catch (IOException | RuntimeException e) {
            return 0;
        }
    }
}
