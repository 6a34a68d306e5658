package io.herald.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;

/**
 * This JVM's live objects, class by class, as {@code jcmd <pid> GC.class_histogram} reports them after the full GC it
 * runs: the heap figures of the benchmarks, comparable between runs (unlike used heap, which holds garbage).
 *
 * <pre>{@code
 * long before = LiveHeap.bytes();
 * // open 10,000 connections
 * long perConnection = (LiveHeap.bytes() - before) / 10_000;
 * }</pre>
 */
final class LiveHeap {
    private LiveHeap() {
    }

    /** Bytes of live objects. */
    static long bytes() throws Exception {
        return histogram().values().stream().mapToLong(entry -> entry[1]).sum();
    }

    /**
     * Bytes of live objects once they stop shrinking: connections closed a moment ago are still being torn down, and
     * counting them in a baseline made the plain endpoint's figure look 5 KB smaller than it is.
     */
    static long settled() throws Exception {
        long previous = bytes();
        for (int attempt = 0; attempt < 30; attempt++) {
            Thread.sleep(1_000);
            long now = bytes();
            if (Math.abs(previous - now) < previous / 200) {
                return now;
            }
            previous = now;
        }
        return previous;
    }

    /** Class name to {instances, bytes} of live objects. */
    static Map<String, long[]> histogram() throws Exception {
        Process jcmd = new ProcessBuilder(System.getProperty("java.home") + "/bin/jcmd",
                Long.toString(ProcessHandle.current().pid()), "GC.class_histogram").start();
        Map<String, long[]> classes = new HashMap<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(jcmd.getInputStream(),
                StandardCharsets.UTF_8))) {
            String line;
            while ((line = lines.readLine()) != null) {
                String[] fields = line.trim().split("\\s+");
                if (fields.length >= 4 && fields[0].endsWith(":")) {
                    classes.put(fields[3], new long[] {Long.parseLong(fields[1]), Long.parseLong(fields[2])});
                }
            }
        }
        jcmd.waitFor();
        return classes;
    }
}
