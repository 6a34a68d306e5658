package io.herald.endurance;

import com.google.gson.JsonParser;
import com.pusher.rest.Pusher;
import com.pusher.rest.data.Result;
import io.herald.Broadcaster;
import io.herald.endurance.server.PlainChannelsEndpoint;
import io.herald.testing.HeraldServer;
import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;

/**
 * One endurance run against a {@link Deployment}: Herald's {@code local} server (in this process, or instances of a
 * cluster in processes of their own), or the plain endpoint beside it ({@link PlainChannelsEndpoint}, published to over HTTP by {@link io.herald.endurance.server.PlainPublishResource}) as the
 * baseline. Client processes ({@link LoadFleet}) hold the
 * subscribers; this process publishes (half through {@code Broadcaster}, half through the REST API with
 * pusher-http-java, each channel always through the same one so that its sequence is ordered), and every sample
 * pauses the churn, compares each presence channel's members as the REST API gives them with the subscribers that
 * hold them and with every subscriber's view, and records the server's heap after a GC, CPU per delivered message
 * (the publishers' own threads left out) and GC time.
 */
final class EnduranceRun {
    enum Target { HERALD, PLAIN }

    static final String KEY = "endurance-key";
    static final String SECRET = "endurance-secret";
    static final String APP_ID = "1";

    /** Herald's side of the server: a {@code local} connection, and the plain endpoint's class for the baseline. */
    static Map<String, String> localConfig() {
        Map<String, String> config = new HashMap<>();
        config.put("broadcast.default", "local");
        config.put("broadcast.local.driver", "local");
        config.put("broadcast.local.app-id", APP_ID);
        config.put("broadcast.local.key", KEY);
        config.put("broadcast.local.secret", SECRET);
        return config;
    }

    /**
     * One row of the run, every {@code sample-every}.
     *
     * @param presenceMismatches presence channels whose REST members differ from the subscribers holding them
     * @param viewMismatches subscribers whose member list differs from that
     * @param cpuMicrosPerMessage the server's CPU time (publishers left out) per delivered message
     */
    record Sample(double seconds, boolean warmup, double deliveredPerSecond, double p50, double p95, double p99,
            double max, long lost, long duplicated, long outOfOrder, long errors, long open, long churned,
            long reconnects, int presenceMismatches,
            int viewMismatches, double heapMb, double cpuMicrosPerMessage, long gcMillis) {

        static final String CSV_HEADER = "seconds,warmup,delivered_per_s,p50_ms,p95_ms,p99_ms,max_ms,lost,duplicated,"
                + "out_of_order,errors,open,churned,reconnects,presence_mismatches,view_mismatches,heap_mb,cpu_us_per_msg,gc_ms";

        String csv() {
            return String.format(java.util.Locale.ROOT, "%.1f,%b,%.0f,%.2f,%.2f,%.2f,%.2f,%d,%d,%d,%d,%d,%d,%d,%d,%d,%.1f,%.2f,%d",
                    seconds, warmup, deliveredPerSecond, p50, p95, p99, max, lost, duplicated, outOfOrder, errors,
                    open, churned, reconnects, presenceMismatches, viewMismatches, heapMb, cpuMicrosPerMessage, gcMillis);
        }
    }

    /**
     * The run's samples, what the fleets found at the end (tail losses, subscribers that never heard anything), and
     * the events no instance took within a minute (reported to the publisher, so not lost).
     */
    record Outcome(Target target, Workload workload, List<Sample> samples, long lost, long silent,
            long publishFailures) {
        List<Sample> measured() {
            return samples.stream().filter(sample -> !sample.warmup()).toList();
        }

        double mean(java.util.function.ToDoubleFunction<Sample> value) {
            return measured().stream().mapToDouble(value).average().orElse(Double.NaN);
        }

        long total(java.util.function.ToLongFunction<Sample> value) {
            return samples.stream().mapToLong(value).sum();
        }

        /** Heap after GC over the last five minutes (or the measured half, if shorter), in MB per minute. */
        double heapSlopeMbPerMinute() {
            List<Sample> measured = measured();
            double last = measured.isEmpty() ? 0 : measured.get(measured.size() - 1).seconds();
            double from = Math.max(last - 300, measured.isEmpty() ? 0 : measured.get(measured.size() / 2).seconds());
            List<Sample> tail = measured.stream().filter(sample -> sample.seconds() >= from).toList();
            if (tail.size() < 2) {
                return 0;
            }
            double meanX = tail.stream().mapToDouble(Sample::seconds).average().orElseThrow();
            double meanY = tail.stream().mapToDouble(Sample::heapMb).average().orElseThrow();
            double covariance = tail.stream().mapToDouble(s -> (s.seconds() - meanX) * (s.heapMb() - meanY)).sum();
            double variance = tail.stream().mapToDouble(s -> (s.seconds() - meanX) * (s.seconds() - meanX)).sum();
            return covariance / variance * 60;
        }
    }

    private final Deployment deployment;
    private final Target target;
    private final Workload workload;
    private final Map<String, AtomicLong> sequences = new ConcurrentHashMap<>();
    private final List<ExecutorService> restPublishers = new ArrayList<>();
    private final Set<Long> publisherThreads = ConcurrentHashMap.newKeySet();
    private final HttpClient http = HttpClient.newHttpClient();
    private final Map<String, Integer> routes = new ConcurrentHashMap<>();
    private final java.util.concurrent.ScheduledExecutorService steps =
            Executors.newSingleThreadScheduledExecutor();
    private final AtomicLong publishFailures = new AtomicLong();
    private long markers;
    private long lastCountedAt;
    private volatile boolean publishing = true;

    private EnduranceRun(Deployment deployment, Target target, Workload workload) {
        this.deployment = deployment;
        this.target = target;
        this.workload = workload;
    }

    /** Runs {@code workload} against {@code target} of a server in this process, writing its samples to {@code csv}. */
    static Outcome run(HeraldServer server, Target target, Workload workload, File csv) throws Exception {
        return run(Deployment.inProcess(server), target, workload, csv);
    }

    /** Runs {@code workload} against {@code target} of {@code deployment}, writing its samples to {@code csv}. */
    static Outcome run(Deployment deployment, Target target, Workload workload, File csv) throws Exception {
        return run(deployment, target, workload, csv, List.of());
    }

    /** As {@link #run(Deployment, Target, Workload, File)}, with steps at given times after the start. */
    static Outcome run(Deployment deployment, Target target, Workload workload, File csv, List<Step> steps)
            throws Exception {
        return new EnduranceRun(deployment, target, workload).run(csv, steps);
    }

    /**
     * Something done {@code at} a time after the run's start, on the samples' clock: a fault (an instance killed,
     * Redis restarted) or a reading of what the samples do not record (each instance's CPU, Redis's traffic).
     */
    record Step(Duration at, String what, Runnable action) {
    }

    private Outcome run(File csv, List<Step> scheduled) throws Exception {
        List<Fleet> fleets = new ArrayList<>();
        for (int i = 0; i < workload.fleets(); i++) {
            fleets.add(Fleet.start(deployment, target, workload, i));
        }
        for (Fleet fleet : fleets) {
            fleet.expect("READY");
        }
        List<Pusher> rests = new ArrayList<>();
        for (int port : deployment.ports()) {
            Pusher rest = new Pusher(APP_ID, KEY, SECRET);
            rest.setHost("127.0.0.1:" + port);
            rests.add(rest);
        }
        try (Writer out = new java.io.FileWriter(csv, StandardCharsets.UTF_8)) {
            out.write(Sample.CSV_HEADER + "\n");
            Thread publisher = new Thread(() -> publish(rests), "endurance-publisher");
            publisher.start();
            long start = System.nanoTime();
            lastCountedAt = start;
            for (Step step : scheduled) {
                steps.schedule(() -> {
                    System.out.printf("Endurance: %s at %.0f s%n", step.what(), (System.nanoTime() - start) / 1e9);
                    step.action().run();
                }, step.at().toMillis(), TimeUnit.MILLISECONDS);
            }
            long end = start + workload.warmup().plus(workload.duration()).toNanos();
            List<Sample> samples = new ArrayList<>();
            Deployment.Meter meter = deployment.meters().get();
            long next = start + workload.sampleEvery().toNanos();
            while (next <= end) {
                TimeUnit.NANOSECONDS.sleep(Math.max(0, next - System.nanoTime()));
                double seconds = (next - start) / 1e9;
                Sample sample = sample(fleets, rests, meter, seconds, seconds <= workload.warmup().toSeconds());
                samples.add(sample);
                out.write(sample.csv() + "\n");
                out.flush();
                next += workload.sampleEvery().toNanos();
            }
            publishing = false;
            publisher.join();
            for (ExecutorService executor : restPublishers) {
                executor.shutdown();
                executor.awaitTermination(30, TimeUnit.SECONDS);
            }
            long published = sequences.values().stream().mapToLong(AtomicLong::get).sum();
            System.out.printf("Endurance: %d events published in %.0f s%n", published, (System.nanoTime() - start) / 1e9);
            StringBuilder last = new StringBuilder("FINAL");
            sequences.forEach((channel, seq) -> last.append(' ').append(channel).append(':').append(seq.get()));
            // What the samples counted, and what was lost after the last of them (the fleets' DONE).
            long lost = samples.stream().mapToLong(Sample::lost).sum();
            long silent = 0;
            for (Fleet fleet : fleets) {
                fleet.send(last.toString());
            }
            for (Fleet fleet : fleets) {
                String[] done = fleet.expect("DONE").split(" ");
                lost += Long.parseLong(done[1]);
                silent += Long.parseLong(done[2]);
            }
            fleets.forEach(Fleet::close);
            steps.shutdownNow();
            return new Outcome(target, workload, samples, lost, silent, publishFailures.get());
        } finally {
            for (Pusher rest : rests) {
                rest.close();
            }
        }
    }

    // Paced in 10 ms steps; the channels in turn; every second one event on the channel everyone has.
    private void publish(List<Pusher> rests) {
        publisherThreads.add(Thread.currentThread().getId());
        Broadcaster broadcaster = deployment.broadcaster().orElse(null);
        for (int i = 0; i < 4; i++) {
            restPublishers.add(Executors.newSingleThreadExecutor(runnable -> {
                Thread thread = new Thread(runnable, "endurance-rest");
                thread.setDaemon(true);
                return thread;
            }));
        }
        long step = TimeUnit.MILLISECONDS.toNanos(10);
        long next = System.nanoTime();
        double due = 0;
        int channel = 0;
        int steps = 0;
        while (publishing) {
            due += workload.eventsPerSecond() / 100.0;
            for (; due >= 1; due--) {
                publishOne(broadcaster, rests, channel);
                channel = (channel + 1) % workload.channels();
            }
            if (++steps % 100 == 0) {
                publishOne(broadcaster, rests, -1);
            }
            next += step;
            long wait = next - System.nanoTime();
            if (wait > 0) {
                try {
                    TimeUnit.NANOSECONDS.sleep(wait);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }
    }

    // A channel is always published the same way, so that its sequence stays in order: with a server in this
    // process, even channels (and the one everyone has) in this thread and odd ones over HTTP from one thread per
    // quarter of them; with instances, every channel over HTTP to the same instance, from the same thread.
    private void publishOne(Broadcaster broadcaster, List<Pusher> rests, int index) {
        String channel = index < 0 ? Workload.EVERYONE : workload.channel(index);
        AtomicLong sequence = sequences.computeIfAbsent(channel, name -> new AtomicLong());
        boolean here = broadcaster != null;
        if (here && (index < 0 || index % 2 == 0)) {
            Tick tick = new Tick(sequence.incrementAndGet(), System.nanoTime());
            if (target == Target.PLAIN) {
                PlainChannelsEndpoint.publish(channel, tick.json());
            } else {
                broadcaster.channel(channel, "E", data(tick));
            }
            return;
        }
        int slot = Math.max(0, index);
        restPublishers.get((here ? slot / 2 : slot) % restPublishers.size()).execute(() -> {
            publisherThreads.add(Thread.currentThread().getId());
            Tick tick = new Tick(sequence.incrementAndGet(), System.nanoTime());
            if (target == Target.PLAIN) {
                postPlain(channel, tick);
                return;
            }
            publishOverRest(rests, channel, slot, tick);
        });
    }

    // An instance that refuses (503: the cluster is away) or does not answer is tried again, the next instance after
    // it, for up to a minute; the channel then stays with the instance that took it, so its sequence stays in order.
    private void publishOverRest(List<Pusher> rests, String channel, int slot, Tick tick) {
        long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(1);
        int instance = routes.computeIfAbsent(channel, name -> slot % rests.size());
        while (true) {
            Result result = rests.get(instance).trigger(channel, "E", data(tick));
            if (result.getStatus() == Result.Status.SUCCESS) {
                routes.put(channel, instance);
                return;
            }
            if (System.nanoTime() > deadline || result.getStatus() != Result.Status.SERVER_ERROR
                    && result.getStatus() != Result.Status.NETWORK_ERROR) {
                publishFailures.incrementAndGet();
                System.err.println("Endurance: REST publish failed: " + result.getStatus() + " "
                        + result.getMessage());
                return;
            }
            instance = (instance + 1) % rests.size();
            try {
                Thread.sleep(100);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }

    private void postPlain(String channel, Tick tick) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:"
                    + deployment.ports().get(0) + "/plain-events?channel=" + channel))
                    .POST(HttpRequest.BodyPublishers.ofString(tick.json())).build(), HttpResponse.BodyHandlers.discarding());
            if (response.statusCode() >= 300) {
                System.err.println("Endurance: plain publish failed: " + response.statusCode());
            }
        } catch (IOException | InterruptedException e) {
            System.err.println("Endurance: plain publish failed: " + e);
        }
    }

    static Map<String, Long> data(Tick tick) {
        Map<String, Long> data = new LinkedHashMap<>();
        data.put("s", tick.seq());
        data.put("t", tick.publishedAt());
        return data;
    }

    // A marker goes through the instances in turn until one takes it: one a fault killed must not hold the sample up.
    private static void triggerOnAnyInstance(List<Pusher> rests, int first, String channel, Map<String, Long> data) {
        for (int attempt = 0; attempt < rests.size(); attempt++) {
            if (rests.get((first + attempt) % rests.size()).trigger(channel, "M", data).getStatus()
                    == Result.Status.SUCCESS) {
                return;
            }
        }
        System.err.println("Endurance: no instance took the marker on " + channel);
    }

    private Sample sample(List<Fleet> fleets, List<Pusher> rests, Deployment.Meter meter, double seconds,
            boolean warmup)
            throws Exception {
        for (Fleet fleet : fleets) {
            fleet.send("PAUSE");
        }
        for (Fleet fleet : fleets) {
            fleet.expect("PAUSED");
        }
        // A marker on every presence channel, after every member change the churn made: the fleets sample once each
        // presence subscriber has it, instead of after a pause long enough on a fast machine.
        String sampleCommand = "SAMPLE";
        if (target == Target.HERALD) {
            long marker = ++markers;
            for (int i = 0; i < workload.presenceChannels(); i++) {
                Map<String, Long> data = Map.of("m", marker);
                if (deployment.broadcaster().isPresent()) {
                    deployment.broadcaster().get().channel(workload.channel(i), "M", data);
                } else {
                    triggerOnAnyInstance(rests, i, workload.channel(i), data);
                }
            }
            sampleCommand = "SAMPLE " + marker;
        }
        // Every instance answers for the whole cluster: each is asked.
        List<Map<String, Set<String>>> rested = new ArrayList<>();
        if (target == Target.HERALD) {
            instances:
            for (Pusher rest : rests) {
                Map<String, Set<String>> users = new HashMap<>();
                for (int i = 0; i < workload.presenceChannels(); i++) {
                    Result answer = rest.get("/channels/" + workload.channel(i) + "/users");
                    Set<String> ids = new TreeSet<>();
                    if (answer.getStatus() == Result.Status.NETWORK_ERROR) {
                        continue instances;  // an instance a fault killed
                    } else if (answer.getStatus() != Result.Status.SUCCESS) {
                        ids.add("(unanswered: " + answer.getStatus() + ")");
                    } else {
                        JsonParser.parseString(answer.getMessage()).getAsJsonObject().getAsJsonArray("users")
                                .forEach(user -> ids.add(user.getAsJsonObject().get("id").getAsString()));
                    }
                    users.put(workload.channel(i), ids);
                }
                rested.add(users);
            }
        }
        Histogram delays = new Histogram(3);
        long[] counts = new long[8];
        // The fleets count from one SAMPLE to the next, which a slow sample may put more than sample-every apart.
        long countedAt = System.nanoTime();
        double countedSeconds = (countedAt - lastCountedAt) / 1e9;
        lastCountedAt = countedAt;
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, Map<String, Integer>> views = new HashMap<>();
        for (Fleet fleet : fleets) {
            fleet.send(sampleCommand);
            String[] line = fleet.expect("SAMPLE").split(" ");
            for (int i = 0; i < counts.length; i++) {
                counts[i] += Long.parseLong(line[i + 1]);
            }
            delays.add(Histogram.decodeFromCompressedByteBuffer(ByteBuffer.wrap(Base64.getDecoder().decode(line[9])),
                    0));
            for (String entry = fleet.next(); !entry.equals("END"); entry = fleet.next()) {
                String[] parts = entry.split(" ", 4);
                if (parts[0].equals("MEMBERS")) {
                    members.computeIfAbsent(parts[1], c -> new TreeSet<>()).addAll(List.of(parts[2].split(",")));
                } else {
                    views.computeIfAbsent(parts[1], c -> new HashMap<>())
                            .merge(parts.length > 3 ? parts[3] : "", Integer.parseInt(parts[2]), Integer::sum);
                }
            }
        }
        for (Fleet fleet : fleets) {
            fleet.send("RESUME");
        }
        int presenceMismatches = 0;
        int viewMismatches = 0;
        if (target == Target.HERALD) {
            for (int i = 0; i < workload.presenceChannels(); i++) {
                String channel = workload.channel(i);
                Set<String> expected = members.getOrDefault(channel, Set.of());
                for (Map<String, Set<String>> users : rested) {
                    if (!users.get(channel).equals(expected)) {
                        presenceMismatches++;
                        System.err.println("Endurance: " + channel + " REST " + users.get(channel) + " held "
                                + expected);
                    }
                }
                String wanted = String.join(",", expected);
                for (Map.Entry<String, Integer> view : views.getOrDefault(channel, Map.of()).entrySet()) {
                    if (!view.getKey().equals(wanted)) {
                        viewMismatches += view.getValue();
                        System.err.println("Endurance: " + view.getValue() + " on " + channel + " see " + view.getKey()
                                + ", held " + wanted);
                    }
                }
            }
        }
        Deployment.Reading reading = meter.read(publisherThreads);
        double deliveredPerSecond = counts[0] / countedSeconds;
        return new Sample(seconds, warmup, deliveredPerSecond, delays.getValueAtPercentile(50) / 1000.0,
                delays.getValueAtPercentile(95) / 1000.0, delays.getValueAtPercentile(99) / 1000.0,
                delays.getMaxValue() / 1000.0, counts[1], counts[2], counts[3], counts[4], counts[5], counts[6],
                counts[7], presenceMismatches, viewMismatches, reading.heapMb(),
                counts[0] == 0 ? 0 : reading.cpuNanos() / 1000.0 / counts[0], reading.gcMillis());
    }

    /** A client process and the lines it says. */
    private record Fleet(Process process, BufferedReader lines, Writer commands) {
        static Fleet start(Deployment deployment, Target target, Workload workload, int index) throws IOException {
            String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
            Process process = new ProcessBuilder(java, "-Xmx1g", "-XX:+UseSerialGC", "-cp",
                    System.getProperty("java.class.path"), LoadFleet.class.getName(),
                    String.join(",", deployment.ports().stream().map(port -> "ws://127.0.0.1:" + port).toList()),
                    target == Target.HERALD ? "herald" : "plain", KEY, SECRET,
                    workload.encode(), String.valueOf(index))
                    .redirectError(ProcessBuilder.Redirect.INHERIT).start();
            return new Fleet(process, new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8)), new OutputStreamWriter(process.getOutputStream(), StandardCharsets.UTF_8));
        }

        void send(String command) throws IOException {
            commands.write(command + "\n");
            commands.flush();
        }

        String next() throws IOException {
            String line = lines.readLine();
            if (line == null) {
                throw new IllegalStateException("A client process stopped: exit " + waitForExit());
            }
            return line;
        }

        String expect(String word) throws IOException {
            String line = next();
            if (!line.startsWith(word)) {
                throw new IllegalStateException("A client process said '" + line + "' instead of " + word);
            }
            return line;
        }

        private int waitForExit() {
            try {
                return process.waitFor(10, TimeUnit.SECONDS) ? process.exitValue() : -1;
            } catch (InterruptedException e) {
                return -1;
            }
        }

        void close() {
            try {
                commands.close();
                process.waitFor(30, TimeUnit.SECONDS);
            } catch (IOException | InterruptedException e) {
                process.destroyForcibly();
            }
        }
    }

}
