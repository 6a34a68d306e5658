package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Runs one of {@code demo/test}'s browser tests (headless Chromium driven by playwright-core, in Node) against demo
 * instances the Java test started, and makes Node's verdict the Java test's.
 *
 * <pre>{@code
 * BrowserTestRun.assertPasses("test/demo-page.test.mjs", 2, Map.of("DEMO_URL", "http://localhost:8080/"));
 * }</pre>
 */
final class BrowserTestRun {
    private BrowserTestRun() {
    }

    static void assertPasses(String script, int passing, Map<String, String> environment) throws Exception {
        File log = Files.createTempFile("demo-browser", ".log").toFile();
        ProcessBuilder node = new ProcessBuilder("node", "--test", "--test-reporter=spec", script)
                .redirectErrorStream(true).redirectOutput(log);
        node.environment().putAll(environment);
        node.environment().put("NODE_PATH", new File("../node_modules").getAbsolutePath());
        Process process = node.start();
        boolean finished = process.waitFor(180, TimeUnit.SECONDS);
        String output = Files.readString(log.toPath(), StandardCharsets.UTF_8);
        System.out.println(output);
        if (!finished) {
            process.destroyForcibly();
        }
        assertTrue(finished, "the browser test finished within 180 s");
        assertEquals(0, process.exitValue(), output);
        assertTrue(output.matches("(?s).*pass " + passing + "\\b.*fail 0\\b.*"), output);
    }
}
