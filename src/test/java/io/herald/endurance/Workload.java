package io.herald.endurance;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * What an endurance run does: how many subscribers on how many channels (the first {@code presenceChannels} are
 * presence channels, the next {@code privateChannels} private, the rest public), how many events per second are
 * published over them (half through {@code Broadcaster}, half through the REST API), one event per second on the
 * channel every subscriber has, how many subscribers leave and others connect each second (half of them on presence
 * channels), for how long after a warm-up, sampled how often, from how many client processes.
 *
 * <pre>{@code
 * Workload run = Workload.DEFAULT.with(Map.of("duration", "PT3M"));
 * }</pre>
 */
record Workload(int subscribers, int channels, int presenceChannels, int privateChannels, int eventsPerSecond,
        int churnPerSecond, Duration warmup, Duration duration, Duration sampleEvery, int fleets) {

    /** The defaults: 2,000 subscribers, 200 channels, 1,000 events/s, 20 connects and leaves/s, 10 minutes. */
    static final Workload DEFAULT = new Workload(2_000, 200, 20, 60, 1_000, 20, Duration.ofMinutes(1),
            Duration.ofMinutes(10), Duration.ofSeconds(10), 2);

    /** The channel every subscriber has, with one event per second. */
    static final String EVERYONE = "everyone";

    /** The CI's minute: small enough for two cores shared with the rest of the suite, long enough to churn. */
    static final Workload SMOKE = new Workload(200, 20, 4, 6, 100, 5, Duration.ofSeconds(5), Duration.ofSeconds(60),
            Duration.ofSeconds(10), 1);

    /** This workload with some values replaced ({@code subscribers=500}, {@code duration=PT3M}, ...). */
    Workload with(Map<String, String> values) {
        return new Workload(
                number(values, "subscribers", subscribers), number(values, "channels", channels),
                number(values, "presence-channels", presenceChannels),
                number(values, "private-channels", privateChannels),
                number(values, "events-per-second", eventsPerSecond),
                number(values, "churn-per-second", churnPerSecond),
                duration(values, "warmup", warmup), duration(values, "duration", duration),
                duration(values, "sample-every", sampleEvery), number(values, "fleets", fleets));
    }

    /** The name of channel {@code index}: {@code presence-room-3}, {@code private-room-25}, {@code room-150}. */
    String channel(int index) {
        if (index < presenceChannels) {
            return "presence-room-" + index;
        }
        return index < presenceChannels + privateChannels ? "private-room-" + index : "room-" + index;
    }

    /** The channel of subscriber {@code subscriber}: subscribers are spread evenly. */
    int channelOf(int subscriber) {
        return subscriber % channels;
    }

    private static int number(Map<String, String> values, String key, int otherwise) {
        return values.containsKey(key) ? Integer.parseInt(values.get(key)) : otherwise;
    }

    private static Duration duration(Map<String, String> values, String key, Duration otherwise) {
        return values.containsKey(key) ? Duration.parse(values.get(key)) : otherwise;
    }

    /**
     * A benchmark's {@code key=value} settings: its arguments, then the system property {@code endurance.args}
     * (which the Maven profiles pass on: {@code -Dendurance.args="duration=PT3M subscribers=1000"}).
     */
    static Map<String, String> settings(String[] args) {
        Map<String, String> values = new java.util.HashMap<>();
        List<String> given = new java.util.ArrayList<>(List.of(args));
        given.addAll(List.of(System.getProperty("endurance.args", "").trim().split("\\s+")));
        for (String arg : given) {
            if (arg.contains("=")) {
                String[] parts = arg.split("=", 2);
                values.put(parts[0], parts[1]);
            }
        }
        return values;
    }

    /** As arguments for a client process. */
    String encode() {
        return String.join(",", "subscribers=" + subscribers, "channels=" + channels,
                "presence-channels=" + presenceChannels, "private-channels=" + privateChannels,
                "events-per-second=" + eventsPerSecond, "churn-per-second=" + churnPerSecond, "warmup=" + warmup,
                "duration=" + duration, "sample-every=" + sampleEvery, "fleets=" + fleets);
    }

    static Workload decode(String text) {
        Map<String, String> values = new java.util.HashMap<>();
        for (String pair : text.split(",")) {
            String[] parts = pair.split("=", 2);
            values.put(parts[0], parts[1]);
        }
        return DEFAULT.with(values);
    }
}
