package it.reproducible;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Two builds of the same sources, in two directories at two moments, give the same bytes in every jar a release
 * publishes (the library, its sources, its Javadoc): {@code project.build.outputTimestamp} fixes every entry's time,
 * and nothing else of the machine or the moment may leak in. Anyone can then rebuild a release and compare.
 */
class ReproducibleBuildTest {
    private static Path first;
    private static Path second;

    @BeforeAll
    static void buildTwice() throws Exception {
        Path work = Files.createDirectories(Path.of(System.getProperty("build.directory"), "reproducible"));
        first = build(work.resolve("first"));
        second = build(work.resolve("second"));
    }

    @ParameterizedTest
    @ValueSource(strings = {".jar", "-sources.jar", "-javadoc.jar"})
    void twoBuildsGiveTheSameBytes(String suffix) throws IOException {
        byte[] one = Files.readAllBytes(jar(first, suffix));
        byte[] other = Files.readAllBytes(jar(second, suffix));

        assertEquals(one.length, other.length, "size of herald-*" + suffix);
        assertArrayEquals(one, other, "herald-*" + suffix);
    }

    private static Path build(Path directory) throws Exception {
        Path root = Path.of(System.getProperty("library.root"));
        copy(root.resolve("src/main"), directory.resolve("src/main"));
        Files.copy(root.resolve("pom.xml"), directory.resolve("pom.xml"), StandardCopyOption.REPLACE_EXISTING);
        Files.copy(root.resolve("LICENSE"), directory.resolve("LICENSE"), StandardCopyOption.REPLACE_EXISTING);
        Path log = directory.resolve("build.log");
        Process maven = new ProcessBuilder(Path.of(System.getProperty("maven.home"), "bin", "mvn").toString(),
                "-B", "-q", "-o", "package", "-Dmaven.test.skip=true", "-Dinvoker.skip=true")
                .directory(directory.toFile()).redirectErrorStream(true).redirectOutput(log.toFile()).start();
        if (!maven.waitFor(5, TimeUnit.MINUTES) || maven.exitValue() != 0) {
            maven.destroyForcibly();
            throw new IllegalStateException("the build in " + directory + " failed:\n" + Files.readString(log));
        }
        return directory.resolve("target");
    }

    private static Path jar(Path target, String suffix) throws IOException {
        try (Stream<Path> files = Files.list(target)) {
            List<Path> found = files.filter(file -> file.getFileName().toString().matches("herald-[^-]+(-SNAPSHOT)?"
                    + suffix.replace(".", "\\."))).toList();
            assertEquals(1, found.size(), "one herald-*" + suffix + " in " + target + ": " + found);
            return found.get(0);
        }
    }

    private static void copy(Path from, Path to) throws IOException {
        try (Stream<Path> tree = Files.walk(from)) {
            for (Path source : (Iterable<Path>) tree::iterator) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }
}
