package io.herald.internal.console;

import java.util.List;

/**
 * One line of the console's live log.
 *
 * @param at when, in epoch milliseconds
 * @param kind {@code sent}, {@code failed}, {@code broadcast-failed}, {@code client-event}, {@code member-added}, {@code member-removed},
 *     {@code occupied}, {@code vacated}, {@code webhook-sent}, {@code webhook-received}, {@code action}
 * @param connection the configured connection
 * @param channels the channels
 * @param event the event name, or what the entry is about
 * @param detail the payload as sent, a failure's reason, an action's description
 * @param instance the instance that saw it (several on one Redis)
 */
record ConsoleEntry(long at, String kind, String connection, List<String> channels, String event, String detail,
        String instance) {
}
