package io.herald.internal.cluster;

import io.herald.internal.HeraldMessages;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisChannelHandler;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisConnectionStateListener;
import io.lettuce.core.RedisURI;
import io.lettuce.core.SocketOptions;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;
import io.lettuce.core.api.async.RedisAsyncCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import io.lettuce.core.resource.ClientResources;
import io.lettuce.core.resource.Delay;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;

/**
 * A cluster's two connections to Redis through Lettuce: one for commands and one subscribed to the bus and to the
 * event channels of the channels this instance serves. Opened on
 * demand (the first may fail: Redis may be down when the application starts), then reopened by Lettuce with backoff
 * (100 ms doubling up to one heartbeat) and resubscribed. While disconnected, commands fail at once instead of
 * queueing, and every wait is bounded by {@code redis.timeout}: a failure is a {@link ClusterUnavailable}.
 *
 * <pre>{@code
 * RedisLink link = new RedisLink(settings, "herald:42:bus", this::linkLost, this::onMessage, this::onListening);
 * link.connectIfNeeded();
 * link.await(link.async().publish("herald:42:bus", json));
 * }</pre>
 */
final class RedisLink implements AutoCloseable {
    private final ClusterSettings settings;
    private final String bus;
    private final Consumer<String> onMessage;
    private final Consumer<String> onListening;
    private final ClientResources resources;
    private final RedisClient client;
    private volatile StatefulRedisConnection<String, String> commands;
    private volatile StatefulRedisPubSubConnection<String, String> subscriber;

    /**
     * @param onDisconnect told as soon as either connection drops
     * @param onMessage each message on {@code bus} or on a channel it {@link #listen}s to, on Lettuce's I/O thread (it
     *        must not wait)
     * @param onListening each channel but {@code bus} whose subscription Redis confirmed, in order with the messages
     */
    RedisLink(ClusterSettings settings, String bus, Runnable onDisconnect, Consumer<String> onMessage,
            Consumer<String> onListening) {
        this.settings = settings;
        this.bus = bus;
        this.onMessage = onMessage;
        this.onListening = onListening;
        this.resources = ClientResources.builder()
                .ioThreadPoolSize(2)
                .computationThreadPoolSize(1)
                .reconnectDelay(Delay.exponential(Duration.ofMillis(100), settings.heartbeatInterval(), 2,
                        TimeUnit.MILLISECONDS))
                .build();
        this.client = RedisClient.create(resources, RedisURI.create(settings.redisUrl()));
        client.setOptions(ClientOptions.builder()
                .autoReconnect(true)
                // fail at once while disconnected, rather than queue: a publish that cannot be sent is retried by
                // the delivery engine, and is not sent twice by a replay on reconnection
                .disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS)
                .socketOptions(SocketOptions.builder().connectTimeout(settings.commandTimeout()).keepAlive(true).build())
                .timeoutOptions(TimeoutOptions.enabled(settings.commandTimeout()))
                .build());
        client.addListener(new RedisConnectionStateListener() {
            @Override
            public void onRedisDisconnected(RedisChannelHandler<?, ?> connection) {
                onDisconnect.run();
            }
        });
    }

    /** Opens what is not open yet. */
    synchronized void connectIfNeeded() {
        if (commands == null) {
            commands = client.connect();
        }
        if (subscriber == null) {
            StatefulRedisPubSubConnection<String, String> connection = client.connectPubSub();
            connection.addListener(new RedisPubSubAdapter<>() {
                @Override
                public void message(String channel, String message) {
                    onMessage.accept(message);
                }

                @Override
                public void subscribed(String channel, long count) {
                    if (!channel.equals(bus)) {
                        onListening.accept(channel);
                    }
                }
            });
            connection.sync().subscribe(bus);
            subscriber = connection;
        }
    }

    /** Whether the bus subscription is up (Lettuce may be reconnecting it). */
    boolean subscribed() {
        StatefulRedisPubSubConnection<String, String> connection = subscriber;
        return connection != null && connection.isOpen();
    }

    /**
     * Subscribes to {@code channel} as well as the bus, without waiting: Redis's confirmation comes to
     * {@code onListening}; the stage fails when the subscription could not be sent (not connected). Lettuce subscribes
     * again by itself after a reconnection.
     */
    CompletionStage<Void> listen(String channel) {
        StatefulRedisPubSubConnection<String, String> connection = subscriber;
        if (connection == null) {
            return CompletableFuture.failedFuture(new ClusterUnavailable(
                    HeraldMessages.clusterUnreachable("not connected"), null));
        }
        return connection.async().subscribe(channel);
    }

    /** Unsubscribes from {@code channel}, without waiting. */
    void stopListening(String channel) {
        StatefulRedisPubSubConnection<String, String> connection = subscriber;
        if (connection != null) {
            connection.async().unsubscribe(channel);
        }
    }

    /** The command connection's asynchronous API. */
    RedisAsyncCommands<String, String> async() {
        StatefulRedisConnection<String, String> connection = commands;
        if (connection == null) {
            throw new ClusterUnavailable(HeraldMessages.clusterUnreachable("not connected"), null);
        }
        return connection.async();
    }

    /** The command's result, waiting at most {@code redis.timeout}. */
    <T> T await(CompletionStage<T> command) {
        try {
            return command.toCompletableFuture().get(settings.commandTimeout().toMillis() + 500, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterUnavailable(HeraldMessages.clusterUnreachable("interrupted while waiting"), e);
        } catch (ExecutionException | TimeoutException e) {
            Throwable cause = e instanceof ExecutionException ? e.getCause() : e;
            throw new ClusterUnavailable(HeraldMessages.clusterUnreachable(String.valueOf(cause.getMessage())), cause);
        }
    }

    /** The command, failing with {@link ClusterUnavailable} when it fails. */
    static <T> CompletionStage<T> unavailableOnFailure(CompletionStage<T> command) {
        return command.handle((result, failure) -> {
            if (failure != null) {
                throw new ClusterUnavailable(HeraldMessages.clusterUnreachable(String.valueOf(failure.getMessage())),
                        failure);
            }
            return result;
        });
    }

    @Override
    public void close() {
        client.shutdown(Duration.ZERO, Duration.ofSeconds(2));
        resources.shutdown(0, 2, TimeUnit.SECONDS);
    }
}
