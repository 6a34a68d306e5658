package io.herald.internal.observability;

import java.util.List;

/**
 * What Herald's readiness check reads: each part of broadcasting that can be up or down (a connection's delivery
 * queue, later a cluster link or an outbox), implemented where the state lives, so that the check needs to know
 * nothing else.
 *
 * <pre>{@code
 * List<ReadinessSource.Part> parts = source.readinessParts();
 * boolean ready = parts.stream().allMatch(ReadinessSource.Part::up);
 * }</pre>
 */
public interface ReadinessSource {

    /**
     * One part's state.
     *
     * @param name what it is, e.g. {@code pusher.queue}
     * @param up whether it can take work
     * @param data what an operator needs to see, e.g. {@code pusher.queue-depth=12}
     */
    record Part(String name, boolean up, java.util.Map<String, Long> data) {
        public Part {
            data = java.util.Map.copyOf(data);
        }
    }

    /** The parts as they are now. */
    List<Part> readinessParts();
}
