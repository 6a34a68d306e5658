package io.herald;

import java.util.Objects;

/**
 * Who a socket is on a presence channel: the id other members see, and optional information about them.
 *
 * <pre>{@code
 * new PresenceMember("42", Map.of("name", "Ada"));   // channel_data {"user_id":"42","user_info":{"name":"Ada"}}
 * new PresenceMember("42");                          // channel_data {"user_id":"42"}
 * }</pre>
 *
 * @param id the member id; two sockets with the same id are one member
 * @param info anything serialisable to a JSON object, or {@code null}
 */
public record PresenceMember(String id, Object info) {

    /**
     * Requires a non-blank id.
     *
     * @param id the member id
     * @param info anything serialisable to a JSON object, or {@code null}
     */
    public PresenceMember {
        Objects.requireNonNull(id, "presence member id");
        if (id.isBlank()) {
            throw new IllegalArgumentException("Presence member id must not be blank");
        }
    }

    /**
     * A member with an id and no information.
     *
     * @param id the member id
     */
    public PresenceMember(String id) {
        this(id, null);
    }
}
