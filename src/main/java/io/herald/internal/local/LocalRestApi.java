package io.herald.internal.local;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import io.herald.ChannelType;
import io.herald.internal.HeraldLog;
import io.herald.internal.cluster.ChannelSummary;
import io.herald.internal.cluster.ClusterUnavailable;
import io.herald.internal.observability.LocalServerMetrics;
import io.herald.internal.protocol.FormBody;
import io.herald.internal.protocol.PusherProtocol;
import io.herald.internal.signing.RequestVerifier;
import io.herald.spi.OutboundEvent;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Pusher's HTTP API for the {@code local} apps, whoever serves it: the JAX-RS resource under the application path
 * ({@link LocalApiResource}) and, when a connection asks for it, the servlet at the web root
 * ({@link LocalRestRootServlet}). Every request is verified as Pusher verifies it (401 otherwise); an app id that no
 * {@code local} connection serves there is 404; Pusher answers errors in plain text, and so does this.
 *
 * <pre>{@code
 * LocalRestApi.Answer answer = new LocalRestApi(server, Clock.systemUTC(), false)
 *         .serve("POST", "/apps/42/events", rawQuery, body);   // 200 {} once verified and published
 * }</pre>
 */
final class LocalRestApi {
    private final LocalServer server;
    private final Clock clock;
    private final boolean atRoot;

    /** What the caller writes back: a status, its media type and its text. */
    record Answer(int status, String mediaType, String body, int retryAfterSeconds) {
        static Answer json(JsonObject body) {
            return new Answer(200, "application/json", body.toString(), 0);
        }

        static Answer plain(int status, String message) {
            return new Answer(status, "text/plain", message, 0);
        }

        /** 429 with {@code Retry-After: 1}: the limit counts whole seconds. */
        static Answer tooMany(String what, int limit) {
            return new Answer(429, "text/plain", "Too many " + what + ": over " + limit + " a second for this app",
                    1);
        }
    }

    /**
     * @param atRoot whether this serves the web root, where only the apps whose connection sets
     *               {@code rest-api-at-root} are found
     */
    LocalRestApi(LocalServer server, Clock clock, boolean atRoot) {
        this.server = server;
        this.clock = clock;
        this.atRoot = atRoot;
    }

    /**
     * One request.
     *
     * @param path the decoded path as the client signed it: {@code /apps/<app id>/...}
     * @param rawQuery the query as sent, still escaped (may be null)
     */
    Answer serve(String method, String path, String rawQuery, byte[] body) {
        String[] parts = path.replaceAll("^/+|/+$", "").split("/");
        if (parts.length < 3 || !parts[0].equals("apps")) {
            return Answer.plain(404, "Not found: Pusher's HTTP API is at /apps/<app id>/...");
        }
        Optional<LocalApp> found = server.byAppId(parts[1]).filter(app -> !atRoot || app.settings().restApiAtRoot());
        if (found.isEmpty()) {
            return Answer.plain(404, "Unknown app '" + parts[1] + "'");
        }
        LocalApp app = found.get();
        RequestVerifier.Query query;
        try {
            query = RequestVerifier.parseQuery(rawQuery);
        } catch (FormBody.Malformed e) {
            return Answer.plain(400, "Invalid query: " + e.getMessage());
        }
        byte[] content = body == null ? new byte[0] : body;
        if (content.length > PusherProtocol.MAX_REST_BODY_BYTES) {
            return Answer.plain(413, "Request body over " + PusherProtocol.MAX_REST_BODY_BYTES / 1024 + " KB");
        }
        Optional<String> refusal = new RequestVerifier(app.settings().key(), app.settings().secrets())
                .refusal(method, "/" + String.join("/", parts), query, content, clock.instant());
        if (refusal.isPresent()) {
            return Answer.plain(401, refusal.get());
        }
        try {
            Optional<Answer> overLimit = overLimit(method, parts[2], app);
            if (overLimit.isPresent()) {
                return overLimit.get();
            }
            return route(method, List.of(parts).subList(2, parts.length), app, query, content);
        } catch (RestEvents.Refused refused) {
            return Answer.plain(refused.status(), refused.getMessage());
        } catch (ClusterUnavailable unavailable) {
            return Answer.plain(503, unavailable.getMessage());
        }
    }

    // Genuine requests only are counted, so that nobody without the secret can use up an app's allowance.
    private Optional<Answer> overLimit(String method, String operation, LocalApp app) {
        boolean publish = method.equals("POST") && (operation.equals("events") || operation.equals("batch_events"));
        boolean query = method.equals("GET");
        int limit = publish ? app.settings().restPublishesPerSecond()
                : query ? app.settings().restQueriesPerSecond() : 0;
        if (limit == 0 || app.fanout().countInSecond(publish ? "publish" : "query",
                clock.instant().getEpochSecond()) <= limit) {
            return Optional.empty();
        }
        app.metrics().refused(publish ? "rest-publish-rate" : "rest-query-rate");
        HeraldLog.overRestLimit(app.settings().appId(), publish ? "publish requests" : "queries", limit);
        return Optional.of(Answer.tooMany(publish ? "publish requests" : "queries", limit));
    }

    private Answer route(String method, List<String> rest, LocalApp app, RequestVerifier.Query query, byte[] body)
            throws RestEvents.Refused {
        String first = rest.get(0);
        if (method.equals("POST") && rest.size() == 1 && first.equals("events")) {
            return events(app, RestEvents.event(body));
        }
        if (method.equals("POST") && rest.size() == 1 && first.equals("batch_events")) {
            return events(app, RestEvents.batch(body));
        }
        if (method.equals("GET") && rest.size() == 1 && first.equals("channels")) {
            return channels(app, query);
        }
        if (method.equals("GET") && rest.size() == 2 && first.equals("channels")) {
            return channel(app, rest.get(1), query);
        }
        if (method.equals("GET") && rest.size() == 3 && first.equals("channels") && rest.get(2).equals("users")) {
            return users(app, rest.get(1));
        }
        if (method.equals("POST") && rest.size() == 3 && first.equals("users")
                && rest.get(2).equals("terminate_connections")) {
            app.terminate(rest.get(1));
            return Answer.json(new JsonObject());
        }
        return Answer.plain(404, "Not found: " + method + " /" + String.join("/", rest));
    }

    private static Answer events(LocalApp app, OutboundEvent event) {
        return events(app, List.of(event));
    }

    private static Answer events(LocalApp app, List<OutboundEvent> events) {
        for (OutboundEvent event : events) {
            app.metrics().published(LocalServerMetrics.Source.REST_API);
            app.publish(event);
        }
        return Answer.json(new JsonObject());
    }

    private static Answer channels(LocalApp app, RequestVerifier.Query query) throws RestEvents.Refused {
        String prefix = query.get("filter_by_prefix").orElse(null);
        Set<String> info = infoAttributes(query);
        if (info.contains("user_count") && (prefix == null || !prefix.startsWith(ChannelType.PRESENCE.prefix()))) {
            throw new RestEvents.Refused(400, "info=user_count needs filter_by_prefix=presence-");
        }
        JsonObject channels = new JsonObject();
        for (ChannelSummary summary : app.occupied(prefix)) {
            JsonObject attributes = new JsonObject();
            if (info.contains("user_count")) {
                attributes.addProperty("user_count", summary.userCount());
            }
            if (info.contains("subscription_count")) {
                attributes.addProperty("subscription_count", summary.subscriptionCount());
            }
            channels.add(summary.name(), attributes);
        }
        JsonObject answer = new JsonObject();
        answer.add("channels", channels);
        return Answer.json(answer);
    }

    private static Answer channel(LocalApp app, String channel, RequestVerifier.Query query)
            throws RestEvents.Refused {
        boolean presence = ChannelType.of(channel) == ChannelType.PRESENCE;
        Set<String> info = infoAttributes(query);
        if (info.contains("user_count") && !presence || info.contains("subscription_count") && presence) {
            throw new RestEvents.Refused(400, "info " + info + " does not apply to '" + channel + "'");
        }
        Optional<ChannelSummary> occupied = app.channel(channel);
        JsonObject answer = new JsonObject();
        answer.addProperty("occupied", occupied.isPresent());
        if (info.contains("user_count")) {
            answer.addProperty("user_count", occupied.map(ChannelSummary::userCount).orElse(0));
        }
        if (info.contains("subscription_count")) {
            answer.addProperty("subscription_count", occupied.map(ChannelSummary::subscriptionCount).orElse(0));
        }
        return Answer.json(answer);
    }

    private static Answer users(LocalApp app, String channel) throws RestEvents.Refused {
        if (ChannelType.of(channel) != ChannelType.PRESENCE) {
            throw new RestEvents.Refused(400, "Only presence channels have users");
        }
        JsonArray users = new JsonArray();
        app.users(channel).forEach(id -> {
            JsonObject user = new JsonObject();
            user.addProperty("id", id);
            users.add(user);
        });
        JsonObject answer = new JsonObject();
        answer.add("users", users);
        return Answer.json(answer);
    }

    private static Set<String> infoAttributes(RequestVerifier.Query query) {
        String info = query.get("info").orElse("");
        return info.isBlank() ? Set.of() : Set.of(info.split(","));
    }
}
