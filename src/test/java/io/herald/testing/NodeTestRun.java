package io.herald.testing;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one file of {@code src/test/js} with Node's test runner against a server the Java test started, and makes the
 * runner's verdict the Java test's.
 *
 * <pre>{@code
 * NodeTestRun.assertPasses("src/test/js/context-root.test.mjs", 1, 60, Map.of("HERALD_KEY", LocalEnv.KEY));
 * }</pre>
 */
public final class NodeTestRun {
    private NodeTestRun() {
    }

    /** Asserts that Node finishes {@code script} within the time, with {@code passing} tests passed and none failed. */
    public static void assertPasses(String script, int passing, int timeoutSeconds, Map<String, String> environment)
            throws InterruptedException {
        try {
            ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", script)
                    .redirectErrorStream(true);
            File log = Files.createTempFile("node-test", ".log").toFile();
            node.redirectOutput(log);
            node.environment().putAll(environment);
            Process process = node.start();
            boolean finished = process.waitFor(timeoutSeconds, TimeUnit.SECONDS);
            String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
            System.out.println(output);
            if (!finished) {
                process.destroyForcibly();
            }

            assertThat(finished).as("node finished within %d s", timeoutSeconds).isTrue();
            assertThat(process.exitValue()).as(output).isZero();
            assertThat(output).containsPattern("pass " + passing + "\\b").containsPattern("fail 0\\b");
        } catch (IOException e) {
            throw new AssertionError("Could not run node: " + e.getMessage(), e);
        }
    }
}
