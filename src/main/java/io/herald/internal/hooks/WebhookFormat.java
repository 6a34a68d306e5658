package io.herald.internal.hooks;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import io.herald.events.CacheMiss;
import io.herald.events.ChannelEvent;
import io.herald.events.ChannelOccupied;
import io.herald.events.ChannelVacated;
import io.herald.events.ClientEventReceived;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.events.SubscriptionCountChanged;
import io.herald.internal.protocol.Json;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Pusher's webhook body, {@code {"time_ms":…,"events":[{"name":"channel_occupied","channel":…},…]}}, both ways:
 * {@link ChannelEvent}s to a body (webhooks Herald sends), and a body to {@link ChannelEvent}s (webhooks Herald
 * receives). Names and fields as Pusher documents them; an event of a kind not known here is skipped.
 *
 * <pre>{@code
 * String body = WebhookFormat.body(List.of(new ChannelOccupied("local", "news", now)), now);
 * List<ChannelEvent> back = WebhookFormat.events("pusher", body.getBytes(UTF_8));
 * }</pre>
 */
final class WebhookFormat {

    /** A body that is not a webhook. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message);
        }
    }

    /** A parsed webhook: when it was made, and its events. */
    public record Webhook(Instant time, List<ChannelEvent> events) {
    }

    private WebhookFormat() {
    }

    /** The body of one webhook carrying {@code events}, made at {@code time}. */
    public static String body(List<ChannelEvent> events, Instant time) {
        JsonArray list = new JsonArray();
        events.forEach(event -> list.add(json(event)));
        JsonObject body = new JsonObject();
        body.addProperty("time_ms", time.toEpochMilli());
        body.add("events", list);
        return body.toString();
    }

    /** The webhook kind of an event ({@code channel_occupied}, ...). */
    public static String name(ChannelEvent event) {
        if (event instanceof ChannelOccupied) {
            return "channel_occupied";
        } else if (event instanceof ChannelVacated) {
            return "channel_vacated";
        } else if (event instanceof MemberAdded) {
            return "member_added";
        } else if (event instanceof MemberRemoved) {
            return "member_removed";
        } else if (event instanceof ClientEventReceived) {
            return "client_event";
        } else if (event instanceof CacheMiss) {
            return "cache_miss";
        }
        return "subscription_count";
    }

    /**
     * The events of a webhook received for {@code connection}, each at the webhook's time.
     *
     * @throws Malformed naming what is wrong: not strict JSON, no {@code time_ms}, an event without its fields
     */
    public static Webhook parse(String connection, byte[] body) throws Malformed {
        JsonObject webhook = Json.parseObject(new String(body, StandardCharsets.UTF_8))
                .orElseThrow(() -> new Malformed("The body is not a JSON object"));
        JsonElement timeMs = webhook.get("time_ms");
        if (timeMs == null || !timeMs.isJsonPrimitive() || !timeMs.getAsJsonPrimitive().isNumber()) {
            throw new Malformed("The body has no numeric time_ms");
        }
        JsonElement list = webhook.get("events");
        if (list == null || !list.isJsonArray()) {
            throw new Malformed("The body has no events array");
        }
        Instant time = Instant.ofEpochMilli(timeMs.getAsLong());
        List<ChannelEvent> events = new ArrayList<>();
        for (JsonElement element : list.getAsJsonArray()) {
            if (!element.isJsonObject()) {
                throw new Malformed("An event is not a JSON object");
            }
            event(connection, element.getAsJsonObject(), time).ifPresent(events::add);
        }
        return new Webhook(time, events);
    }

    private static Optional<ChannelEvent> event(String connection, JsonObject event, Instant time) throws Malformed {
        String name = required(event, "name");
        String channel = required(event, "channel");
        return Optional.ofNullable(switch (name) {
            case "channel_occupied" -> new ChannelOccupied(connection, channel, time);
            case "channel_vacated" -> new ChannelVacated(connection, channel, time);
            case "member_added" -> new MemberAdded(connection, channel, required(event, "user_id"), time);
            case "member_removed" -> new MemberRemoved(connection, channel, required(event, "user_id"), time);
            case "client_event" -> new ClientEventReceived(connection, channel, required(event, "event"),
                    required(event, "data"), required(event, "socket_id"), Optional.ofNullable(Json.string(event,
                    "user_id")), time);
            case "cache_miss" -> new CacheMiss(connection, channel, time);
            case "subscription_count" -> new SubscriptionCountChanged(connection, channel,
                    count(event), time);
            default -> null;
        });
    }

    private static JsonObject json(ChannelEvent event) {
        JsonObject json = new JsonObject();
        json.addProperty("name", name(event));
        json.addProperty("channel", event.channel());
        if (event instanceof MemberAdded added) {
            json.addProperty("user_id", added.userId());
        } else if (event instanceof MemberRemoved removed) {
            json.addProperty("user_id", removed.userId());
        } else if (event instanceof ClientEventReceived client) {
            json.addProperty("event", client.event());
            json.addProperty("data", client.data());
            json.addProperty("socket_id", client.socketId());
            client.userId().ifPresent(userId -> json.addProperty("user_id", userId));
        } else if (event instanceof SubscriptionCountChanged count) {
            json.addProperty("subscription_count", count.subscriptionCount());
        }
        return json;
    }

    private static String required(JsonObject event, String field) throws Malformed {
        String value = Json.string(event, field);
        if (value == null) {
            throw new Malformed("An event has no " + field);
        }
        return value;
    }

    private static int count(JsonObject event) throws Malformed {
        JsonElement count = event.get("subscription_count");
        if (count == null || !count.isJsonPrimitive() || !count.getAsJsonPrimitive().isNumber()) {
            throw new Malformed("A subscription_count event has no numeric subscription_count");
        }
        return count.getAsInt();
    }
}
