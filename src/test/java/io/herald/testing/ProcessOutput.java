package io.herald.testing;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * A started server's output, copied to a log file by a thread of its own, and the moment it says it is ready: the
 * first line containing one of the markers ({@code Ready to accept connections}). Waiting on it, rather than polling
 * a port, costs exactly the server's start-up and notices at once when the server exits instead.
 *
 * <pre>{@code
 * ProcessOutput output = ProcessOutput.copy(process, log, "Ready to accept connections");
 * if (!output.awaitMarker(Duration.ofSeconds(10))) throw new IllegalStateException(output.text());
 * }</pre>
 */
public final class ProcessOutput {
    private final Path log;
    private final CountDownLatch ended = new CountDownLatch(1);
    private volatile String marker;

    private ProcessOutput(Path log) {
        this.log = log;
    }

    /** Copies the output of {@code process} (started with its error stream redirected into it) to {@code log}. */
    public static ProcessOutput copy(Process process, Path log, String... markers) {
        ProcessOutput output = new ProcessOutput(log);
        Thread copier = new Thread(() -> output.copy(process, List.of(markers)), "output-of-" + log.getFileName());
        copier.setDaemon(true);
        copier.start();
        return output;
    }

    /** The marker line, once it came; false when the output ended, or {@code atMost} passed, without it. */
    public boolean awaitMarker(Duration atMost) throws InterruptedException {
        ended.await(atMost.toMillis(), TimeUnit.MILLISECONDS);
        return marker != null;
    }

    /** The marker line that came, or null. */
    public String marker() {
        return marker;
    }

    /** What was logged so far. */
    public String text() {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return e.toString();
        }
    }

    private void copy(Process process, List<String> markers) {
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8)); PrintWriter out = new PrintWriter(Files.newBufferedWriter(log), true)) {
            String line;
            while ((line = lines.readLine()) != null) {
                out.println(line);
                if (marker == null && markers.stream().anyMatch(line::contains)) {
                    marker = line;
                    ended.countDown();
                }
            }
        } catch (IOException e) {
            // the process ended
        } finally {
            ended.countDown();
        }
    }
}
