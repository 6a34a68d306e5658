package io.herald;

import java.util.List;
import java.util.Objects;

/**
 * Who a connection signs in as with Pusher's user authentication ({@code pusher.signin()} in pusher-js): the id
 * that {@link Broadcaster#sendToUser} addresses, optional information, and the ids whose online status it watches.
 *
 * <pre>{@code
 * new BroadcastUser("42", Map.of("name", "Ada"), List.of("7", "9"));
 * }</pre>
 *
 * @param id the user id, from {@code A-Z a-z 0-9 _ - = @ , . ;}
 * @param info anything serialisable to a JSON object, or {@code null}
 * @param watchlist user ids to be told about as they come online and go offline
 */
public record BroadcastUser(String id, Object info, List<String> watchlist) {

    /**
     * Validates the id and copies the watchlist.
     *
     * @param id the user id
     * @param info anything serialisable to a JSON object, or {@code null}
     * @param watchlist user ids to be told about, or {@code null} for none
     */
    public BroadcastUser {
        Objects.requireNonNull(id, "user id");
        if (!Channel.isValidName(id)) {
            throw new IllegalArgumentException("Invalid user id '" + id + "': use 1 to " + Channel.MAX_NAME_LENGTH
                    + " characters from A-Z a-z 0-9 _ - = @ , . ;");
        }
        watchlist = watchlist == null ? List.of() : List.copyOf(watchlist);
    }

    /**
     * A user with only an id.
     *
     * @param id the user id
     */
    public BroadcastUser(String id) {
        this(id, null, List.of());
    }
}
