package io.herald.endurance;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.HdrHistogram.Histogram;
import org.HdrHistogram.Recorder;

/**
 * One process of an endurance run's clients: its share of the subscribers, each a WebSocket (the JDK's client)
 * subscribed to {@link Workload#EVERYONE} and to its own channel, speaking the Pusher protocol to Herald (signing
 * private and presence subscriptions with the app's secret, as the app's authorization endpoint would) or nothing to
 * the plain endpoint. It counts, per subscriber and channel, what was lost, received twice or out of order, and the
 * delay from publishing; it replaces {@code churn-per-second / fleets} subscribers every second.
 *
 * <p>Arguments: {@code server-urls (comma-separated; subscriber i connects to the i % n-th) mode(herald|plain) key secret workload fleet-index}. Prints {@code READY n} once
 * its subscribers are subscribed, then answers commands on standard input, one per line: {@code PAUSE} (stops churn,
 * prints {@code PAUSED} when no replacement is under way), {@code RESUME}, {@code SAMPLE [n]} (once every presence subscriber has the
 * run's marker {@code n}, prints one {@code SAMPLE}
 * line of counts (delivered, lost, duplicated, out of order, errors, subscribed, replaced, connections lost
 * and made again) and the delay histogram since the last, the presence lines, then {@code END}), {@code FINAL
 * channel:seq ...} (waits for the last events, prints {@code DONE lost silent}); exits when standard input closes.
 */
public final class LoadFleet {
    private final List<URI> servers;
    private final boolean herald;
    private final String key;
    private final String secret;
    private final Workload workload;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(30)).build();
    private final List<Subscriber> subscribers = new ArrayList<>();
    private final Recorder delays = new Recorder(3);
    private final AtomicLong delivered = new AtomicLong();
    private final AtomicLong lost = new AtomicLong();
    private final AtomicLong duplicated = new AtomicLong();
    private final AtomicLong outOfOrder = new AtomicLong();
    private final AtomicLong errors = new AtomicLong();
    private final AtomicInteger replacing = new AtomicInteger();
    private final Object progress = new Object();
    private volatile boolean awaiting;
    private final AtomicLong churned = new AtomicLong();
    private final AtomicLong reconnects = new AtomicLong();
    private final ScheduledExecutorService later = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread thread = new Thread(runnable, "fleet-later");
        thread.setDaemon(true);
        return thread;
    });
    private final CountDownLatch ready;
    private volatile boolean churning = true;

    private LoadFleet(List<URI> servers, boolean herald, String key, String secret, Workload workload, int fleet) {
        this.servers = servers;
        this.herald = herald;
        this.key = key;
        this.secret = secret;
        this.workload = workload;
        for (int i = fleet; i < workload.subscribers(); i += workload.fleets()) {
            subscribers.add(new Subscriber(i, workload.channel(workload.channelOf(i))));
        }
        this.ready = new CountDownLatch(subscribers.size());
    }

    public static void main(String[] args) throws Exception {
        LoadFleet fleet = new LoadFleet(java.util.Arrays.stream(args[0].split(",")).map(URI::create).toList(),
                args[1].equals("herald"), args[2], args[3],
                Workload.decode(args[4]), Integer.parseInt(args[5]));
        fleet.run();
    }

    private void run() throws Exception {
        for (int from = 0; from < subscribers.size(); from += 100) {
            List<CompletableFuture<WebSocket>> opening = new ArrayList<>();
            for (Subscriber subscriber : subscribers.subList(from, Math.min(subscribers.size(), from + 100))) {
                opening.add(subscriber.connect());
            }
            CompletableFuture.allOf(opening.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        }
        if (!ready.await(120, TimeUnit.SECONDS)) {
            throw new IllegalStateException((subscribers.size() - ready.getCount()) + " of " + subscribers.size()
                    + " subscribed; not: " + subscribers.stream().filter(s -> !s.counted)
                            .map(s -> s.user + " " + s.channel + " " + s.confirmed).limit(5).toList());
        }
        say("READY " + subscribers.size());
        ScheduledExecutorService churn = Executors.newSingleThreadScheduledExecutor();
        int perSecond = Math.max(1, workload.churnPerSecond() / workload.fleets());
        churn.scheduleAtFixedRate(this::replaceOne, 0, 1_000_000 / perSecond, TimeUnit.MICROSECONDS);
        BufferedReader commands = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        for (String command = commands.readLine(); command != null; command = commands.readLine()) {
            if (command.equals("PAUSE")) {
                churning = false;
                synchronized (progress) {
                    while (replacing.get() > 0) {
                        progress.wait();
                    }
                }
                say("PAUSED");
            } else if (command.equals("RESUME")) {
                churning = true;
            } else if (command.startsWith("SAMPLE")) {
                String[] parts = command.split(" ");
                if (parts.length > 1) {
                    awaitMarker(Long.parseLong(parts[1]));
                }
                sample();
            } else if (command.startsWith("FINAL")) {
                finish(command);
            }
        }
        System.exit(0);
    }

    // Alternately a subscriber of a presence channel and one of another channel leaves, and connects again.
    private final AtomicLong replaced = new AtomicLong();

    private void replaceOne() {
        if (!churning || workload.churnPerSecond() == 0) {
            return;
        }
        boolean presence = replaced.getAndIncrement() % 2 == 0;
        List<Subscriber> candidates = subscribers.stream()
                .filter(s -> s.channel.startsWith("presence-") == presence && s.isSubscribed()).toList();
        if (candidates.isEmpty()) {
            return;
        }
        Subscriber leaving = candidates.get(ThreadLocalRandom.current().nextInt(candidates.size()));
        replacing.incrementAndGet();
        leaving.replace();
    }

    private void sample() {
        Histogram interval = delays.getIntervalHistogram();
        ByteBuffer buffer = ByteBuffer.allocate(interval.getNeededByteBufferCapacity());
        int size = interval.encodeIntoCompressedByteBuffer(buffer);
        String encoded = Base64.getEncoder().encodeToString(java.util.Arrays.copyOf(buffer.array(), size));
        long open = subscribers.stream().filter(Subscriber::isSubscribed).count();
        say("SAMPLE " + delivered.getAndSet(0) + " " + lost.getAndSet(0) + " " + duplicated.getAndSet(0) + " "
                + outOfOrder.getAndSet(0) + " " + errors.getAndSet(0) + " " + open + " " + churned.getAndSet(0) + " "
                + reconnects.getAndSet(0) + " " + encoded);
        Map<String, Set<String>> members = new HashMap<>();
        Map<String, Map<String, Integer>> views = new HashMap<>();
        for (Subscriber subscriber : subscribers) {
            if (subscriber.channel.startsWith("presence-") && subscriber.isSubscribed()) {
                members.computeIfAbsent(subscriber.channel, c -> new TreeSet<>()).add(subscriber.user);
                views.computeIfAbsent(subscriber.channel, c -> new HashMap<>())
                        .merge(String.join(",", new TreeSet<>(subscriber.view)), 1, Integer::sum);
            }
        }
        members.forEach((channel, ids) -> say("MEMBERS " + channel + " " + String.join(",", ids)));
        views.forEach((channel, seen) -> seen.forEach((ids, count) -> say("VIEW " + channel + " " + count + " " + ids)));
        say("END");
    }

    // The run published marker n on every presence channel after the churn paused: once each presence subscriber has
    // it, every member change before it has arrived (a channel's frames reach a subscriber in order).
    private void awaitMarker(long marker) throws InterruptedException {
        awaitProgress(() -> subscribers.stream().filter(s -> s.channel.startsWith("presence-") && s.isSubscribed())
                .allMatch(s -> s.marker >= marker));
    }

    // Waits, at most ten seconds, for what the clients receive to make done true.
    private void awaitProgress(java.util.function.BooleanSupplier done) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        synchronized (progress) {
            awaiting = true;
            try {
                for (long left = deadline - System.nanoTime(); !done.getAsBoolean() && left > 0;
                        left = deadline - System.nanoTime()) {
                    TimeUnit.NANOSECONDS.timedWait(progress, left);
                }
            } finally {
                awaiting = false;
            }
        }
    }

    // Wakes a command waiting for the clients; free while nothing waits.
    private void progressed() {
        if (awaiting || replacing.get() == 0) {
            synchronized (progress) {
                progress.notifyAll();
            }
        }
    }

    private void finish(String command) throws InterruptedException {
        churning = false;
        Map<String, Long> last = new HashMap<>();
        for (String pair : command.substring("FINAL".length()).trim().split(" ")) {
            int colon = pair.lastIndexOf(':');
            last.put(pair.substring(0, colon), Long.parseLong(pair.substring(colon + 1)));
        }
        awaitProgress(() -> subscribers.stream().allMatch(s -> s.behind(last) == 0));
        long tail = subscribers.stream().mapToLong(s -> s.behind(last)).sum();
        long silent = subscribers.stream().filter(Subscriber::isSilent).count();
        say("DONE " + (lost.get() + tail) + " " + silent);
    }

    private static synchronized void say(String line) {
        System.out.println(line);
        System.out.flush();
    }

    /** One client: a connection at a time, its channels, the sequence numbers it saw, its view of the members. */
    private final class Subscriber implements WebSocket.Listener {
        final String channel;
        final String user;
        private int serverIndex;
        private final java.util.concurrent.atomic.AtomicBoolean recovering = new java.util.concurrent.atomic.AtomicBoolean();
        private volatile String socketId;
        private volatile long marker;
        final Map<String, Long> lastSeq = new ConcurrentHashMap<>();
        final Set<String> confirmed = ConcurrentHashMap.newKeySet();
        final Set<String> view = ConcurrentHashMap.newKeySet();
        private final StringBuilder partial = new StringBuilder();
        private volatile WebSocket socket;
        private volatile boolean counted;
        // Closed by the churn, to connect again at once; and a replacement not yet subscribed again.
        private volatile boolean closingForChurn;
        private volatile boolean churnPending;
        private volatile long connectedAt;
        private CompletableFuture<?> sending = CompletableFuture.completedFuture(null);

        Subscriber(int index, String channel) {
            this.channel = channel;
            this.user = "u" + index;
            this.serverIndex = index;
        }

        CompletableFuture<WebSocket> connect() {
            lastSeq.clear();
            confirmed.clear();
            synchronized (this) {
                sending = CompletableFuture.completedFuture(null);
            }
            view.clear();
            connectedAt = System.nanoTime();
            URI server = servers.get(serverIndex % servers.size());
            URI uri = herald ? server.resolve("/app/" + key + "?protocol=7&client=endurance&version=1")
                    : server.resolve("/plain?c=" + Workload.EVERYONE + "," + channel);
            return http.newWebSocketBuilder().buildAsync(uri, this).thenApply(opened -> socket = opened);
        }

        boolean isSubscribed() {
            return !closingForChurn && !recovering.get() && confirmed.size() == 2;
        }

        // Leaves, and once the server closed the connection, connects again as the same user.
        void replace() {
            closingForChurn = true;
            churnPending = true;
            confirmed.clear();
            WebSocket closing = socket;
            synchronized (this) {
                sending = sending.thenCompose(done -> closing.sendClose(WebSocket.NORMAL_CLOSURE, "churn"));
            }
        }

        long behind(Map<String, Long> last) {
            if (!isSubscribed()) {
                return 0;
            }
            long behind = 0;
            for (String name : List.of(Workload.EVERYONE, channel)) {
                Long seen = lastSeq.get(name);
                if (seen != null) {
                    behind += Math.max(0, last.getOrDefault(name, 0L) - seen);
                }
            }
            return behind;
        }

        // Subscribed for more than five seconds and never received anything: a loss no sequence number shows.
        boolean isSilent() {
            return isSubscribed() && System.nanoTime() - connectedAt > TimeUnit.SECONDS.toNanos(5)
                    && lastSeq.size() < 2;
        }

        @Override
        public void onOpen(WebSocket webSocket) {
            socket = webSocket;
            if (!herald) {
                confirmed.add(Workload.EVERYONE);
                confirmed.add(channel);
                subscribed();
            }
            webSocket.request(1);
        }

        @Override
        public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
            partial.append(data);
            if (last) {
                String frame = partial.toString();
                partial.setLength(0);
                try {
                    handle(webSocket, frame);
                } catch (RuntimeException e) {
                    errors.incrementAndGet();
                    System.err.println("Fleet: " + e + " on " + frame);
                }
            }
            webSocket.request(1);
            return null;
        }

        @Override
        public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
            if (closingForChurn) {
                closingForChurn = false;
                connect().whenComplete((opened, failure) -> {
                    if (failure != null) {
                        lostConnection();
                    }
                });
            } else {
                lostConnection();
            }
            return null;
        }

        @Override
        public void onError(WebSocket webSocket, Throwable error) {
            lostConnection();
        }

        // The server closed the connection or went away: as pusher-js does, connect again a second later, to the next
        // instance. What it misses meanwhile is not a loss: a new connection starts counting afresh.
        private void lostConnection() {
            if (!recovering.compareAndSet(false, true)) {
                return;
            }
            confirmed.clear();
            closingForChurn = false;
            if (churnPending) {
                churnPending = false;
                LoadFleet.this.replacing.decrementAndGet();
                progressed();
            }
            reconnects.incrementAndGet();
            serverIndex++;
            later.schedule(() -> connect().whenComplete((opened, failure) -> {
                recovering.set(false);
                if (failure != null) {
                    lostConnection();
                }
            }), 1, TimeUnit.SECONDS);
        }

        private void handle(WebSocket webSocket, String frame) {
            if (FleetFrames.isEvent(frame)) {
                received(FleetFrames.eventChannel(frame), Tick.find(frame));
                return;
            }
            JsonObject json = JsonParser.parseString(frame).getAsJsonObject();
            String event = json.get("event").getAsString();
            String name = json.has("channel") ? json.get("channel").getAsString() : null;
            switch (event) {
                case "pusher:connection_established" -> {
                    socketId = FleetFrames.data(json).get("socket_id").getAsString();
                    subscribe(webSocket, socketId);
                }
                // The cluster could not count a presence member (Redis away): ask again a second later.
                case "pusher:subscription_error" -> later.schedule(() -> send(webSocket, subscription(socketId, name)),
                        1, TimeUnit.SECONDS);
                case "pusher_internal:subscription_succeeded" -> {
                    if (name.startsWith("presence-")) {
                        view.addAll(FleetFrames.presenceIds(json));
                    }
                    confirmed.add(name);
                    if (confirmed.size() == 2) {
                        subscribed();
                    }
                }
                case "pusher_internal:member_added" -> view.add(FleetFrames.memberId(json));
                case "pusher_internal:member_removed" -> view.remove(FleetFrames.memberId(json));
                case "pusher:ping" -> send(webSocket, "{\"event\":\"pusher:pong\",\"data\":{}}");
                case "M" -> {
                    marker = FleetFrames.data(json).get("m").getAsLong();
                    progressed();
                }
                default -> {
                    errors.incrementAndGet();
                    System.err.println("Fleet: unexpected " + frame);
                }
            }
        }

        private void subscribed() {
            if (!counted) {
                counted = true;
                ready.countDown();
            } else if (churnPending) {
                churnPending = false;
                churned.incrementAndGet();
                LoadFleet.this.replacing.decrementAndGet();
                progressed();
            }
        }

        private void subscribe(WebSocket webSocket, String socketId) {
            send(webSocket, subscription(socketId, Workload.EVERYONE));
            send(webSocket, subscription(socketId, channel));
        }

        // The JDK's WebSocket takes one message at a time: each waits for the one before.
        private synchronized void send(WebSocket webSocket, String text) {
            sending = sending.thenCompose(done -> webSocket.sendText(text, true)).exceptionally(failure -> {
                errors.incrementAndGet();
                System.err.println("Fleet: " + user + " could not send: " + failure);
                return null;
            });
        }

        private String subscription(String socketId, String name) {
            return FleetFrames.subscribe(socketId, name, user, key, secret);
        }

        private void received(String name, Tick tick) {
            if (!name.equals(channel) && !name.equals(Workload.EVERYONE)) {
                errors.incrementAndGet();   // an event of a channel this subscriber never asked for
                System.err.println("Fleet: " + user + " on " + channel + " received an event of " + name);
                return;
            }
            delivered.incrementAndGet();
            if (awaiting) {
                progressed();
            }
            delays.recordValue(Math.max(0, (System.nanoTime() - tick.publishedAt()) / 1_000));
            Long before = lastSeq.get(name);
            if (before == null || tick.seq() == before + 1) {
                lastSeq.put(name, tick.seq());
            } else if (tick.seq() > before + 1) {
                lost.addAndGet(tick.seq() - before - 1);
                lastSeq.put(name, tick.seq());
            } else if (tick.seq() == before) {
                duplicated.incrementAndGet();
            } else {
                outOfOrder.incrementAndGet();
            }
        }
    }
}
