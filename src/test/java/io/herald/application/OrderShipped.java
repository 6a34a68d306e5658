package io.herald.application;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonProperty;
import io.herald.CanBroadcast;
import io.herald.Channel;
import jakarta.json.bind.annotation.JsonbProperty;
import jakarta.json.bind.annotation.JsonbTransient;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * An ordinary application event: a record with {@code java.time} values, an {@link Optional}, a nested record, an enum,
 * a {@link BigDecimal}, and the renaming and hiding annotations of JSON-B and Jackson.
 */
public record OrderShipped(long id, Instant at, LocalDate due, Optional<String> carrier, Parcel parcel,
        @JsonbProperty("shipped_by") @JsonProperty("shipped_by") String shippedBy,
        @JsonbTransient @JsonIgnore String internalNote, Status status, BigDecimal total) implements CanBroadcast {

    /** A nested record. */
    public record Parcel(int weightGrams, List<String> items) {
    }

    /** An enum. */
    public enum Status {
        SHIPPED
    }

    /** The one the tests send. */
    public static OrderShipped example() {
        return new OrderShipped(7, Instant.parse("2026-11-30T12:00:00Z"), LocalDate.parse("2026-12-02"),
                Optional.of("dhl"), new Parcel(1200, List.of("book", "pen")), "ada", "fragile, do not tell",
                Status.SHIPPED, new BigDecimal("12.50"));
    }

    @Override
    public List<Channel> broadcastOn() {
        return List.of(new Channel("shipments"));
    }
}
