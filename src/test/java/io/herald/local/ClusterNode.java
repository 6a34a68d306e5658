package io.herald.local;

import io.herald.BroadcastException;
import io.herald.BroadcastFailed;
import io.herald.Broadcaster;
import io.herald.CanBroadcast;
import io.herald.Channel;
import io.herald.events.ChannelEvent;
import io.herald.events.MemberAdded;
import io.herald.events.MemberRemoved;
import io.herald.testing.HeraldServer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Collectors;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * One instance of a clustered application, in its own JVM: {@code ClusterNode <port> [key=value ...]} starts Herald
 * (the local driver, JAX-RS at the root) with {@link LocalEnv}'s app and the settings given (then its system
 * properties and environment variables, as an application reads them), prints
 * {@value #READY} (or {@value #FAILED} when it could not start) and runs until its standard input closes (or it is
 * killed).
 */
public final class ClusterNode {
    static final String READY = "HERALD-NODE-READY";
    static final String FAILED = "HERALD-NODE-FAILED";

    private ClusterNode() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> config = new HashMap<>(LocalEnv.config());
        for (int i = 1; i < args.length; i++) {
            int equals = args[i].indexOf('=');
            config.put(args[i].substring(0, equals), args[i].substring(equals + 1));
        }
        HeraldServer server;
        try {
            server = HeraldServer.atRootOnPortWithEnvironment(Integer.parseInt(args[0]), config, NodeResource.class,
                    FailureLog.class, ChannelEventLog.class, Watchers.class);
        } catch (RuntimeException e) {
            e.printStackTrace(System.out);
            System.out.println(FAILED);
            System.out.flush();
            System.exit(1);
            return;
        }
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the test closes our input
        }
        server.close();
        System.exit(0);
    }

    /** {@code Said} with {@code {"n": n}}, as an application's event. */
    public record Said(String channel, long n) implements CanBroadcast {
        @Override
        public List<Channel> broadcastOn() {
            return List.of(new Channel(channel));
        }

        @Override
        public String broadcastAs() {
            return "Said";
        }

        @Override
        public Object broadcastWith() {
            return Map.of("n", n);
        }
    }

    /** The broadcasts reported as failed: each one's event and why. */
    @ApplicationScoped
    public static class FailureLog {
        private final List<String> failures = new CopyOnWriteArrayList<>();

        void failed(@Observes BroadcastFailed failed) {
            failures.add(failed.event() + ": " + failed.cause().reason());
        }

        List<String> all() {
            return failures;
        }
    }

    /** The channel events this instance's observers saw. */
    @ApplicationScoped
    public static class ChannelEventLog {
        private final List<ChannelEvent> events = new CopyOnWriteArrayList<>();

        void seen(@Observes ChannelEvent event) {
            events.add(event);
        }

        List<ChannelEvent> all() {
            return events;
        }
    }

    /** What the tests ask an instance to do. */
    @Path("test")
    @RequestScoped
    public static class NodeResource {

        @Inject
        Broadcaster broadcaster;

        @Inject
        FailureLog failureLog;

        /** Queues {@code Said} (delivered by the engine, retried, reported as BroadcastFailed when it gives up). */
        @POST
        @Path("queued/{channel}")
        public Response queued(@PathParam("channel") String channel, @QueryParam("n") long n) {
            broadcaster.channelAsync(new Said(channel, n));
            return Response.accepted().build();
        }

        @Inject
        ChannelEventLog channelEvents;

        /** The channel events observed here on {@code channel}, one per line: type, then the user if any. */
        @GET
        @Path("channel-events/{channel}")
        public String channelEvents(@PathParam("channel") String channel) {
            return channelEvents.all().stream().filter(event -> event.channel().equals(channel))
                    .map(event -> event.getClass().getSimpleName() + (event instanceof MemberAdded added
                            ? " " + added.userId() : event instanceof MemberRemoved removed ? " " + removed.userId() : ""))
                    .collect(Collectors.joining("\n"));
        }

        /** The broadcasts reported as failed, one per line. */
        @GET
        @Path("failures")
        public String failures() {
            return String.join("\n", failureLog.all());
        }

        /** Broadcasts {@code Said} with {@code {"n": from..from+count-1}} on {@code channel}, in order. */
        @POST
        @Path("say/{channel}")
        public Response say(@PathParam("channel") String channel, @QueryParam("from") int from,
                @QueryParam("count") int count) {
            try {
                for (int n = from; n < from + Math.max(1, count); n++) {
                    broadcaster.channel(channel, "Said", Map.of("n", n));
                }
                return Response.noContent().build();
            } catch (BroadcastException e) {
                return Response.status(503).entity(e.getMessage()).build();
            }
        }

        /** {@code Tick} with {@code {"seq": seq}} on {@code fanout}, what the benchmarks' client fleets time. */
        @POST
        @Path("tick/{seq}")
        public Response tick(@PathParam("seq") long seq) {
            broadcaster.channel("fanout", "Tick", Map.of("seq", seq));
            return Response.noContent().build();
        }

        @POST
        @Path("user/{user}")
        public Response toUser(@PathParam("user") String user, @QueryParam("total") @DefaultValue("12") int total) {
            try {
                broadcaster.sendToUser(user, "Invoice", Map.of("total", total));
                return Response.noContent().build();
            } catch (BroadcastException e) {
                return Response.status(503).entity(e.getMessage()).build();
            }
        }

        @POST
        @Path("terminate/{user}")
        public Response terminate(@PathParam("user") String user) {
            try {
                broadcaster.terminateUserConnections(user);
                return Response.noContent().build();
            } catch (BroadcastException e) {
                return Response.status(503).entity(e.getMessage()).build();
            }
        }

        /** 200 while Herald's readiness check is UP, 503 while DOWN. */
        @GET
        @Path("ready")
        public Response ready() {
            HealthCheckResponse answer = CDI.current().select(HealthCheck.class, Readiness.Literal.INSTANCE).get().call();
            return Response.status(answer.getStatus() == HealthCheckResponse.Status.UP ? 200 : 503)
                    .entity(answer.getStatus().toString()).build();
        }
    }
}
