package io.herald.internal.cluster;

import io.herald.testing.RedisProcess;
import io.lettuce.core.RedisClient;
import io.lettuce.core.api.sync.RedisCommands;
import io.lettuce.core.pubsub.RedisPubSubAdapter;
import io.lettuce.core.pubsub.StatefulRedisPubSubConnection;
import java.io.IOException;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A private redis-server for a test class of the cluster's scripts, emptied before each test: its commands, and every message published on the
 * cluster's bus, in order.
 *
 * <pre>{@code
 * @RegisterExtension
 * static final RedisBus redis = new RedisBus(new RedisKeys("herald:test"));
 * redis.commands().eval(RedisScripts.JOIN, ...);
 * String joined = redis.messages().poll(5, TimeUnit.SECONDS);
 * }</pre>
 */
final class RedisBus implements BeforeAllCallback, BeforeEachCallback, AfterAllCallback {
    private final RedisKeys keys;
    private final BlockingQueue<String> messages = new LinkedBlockingQueue<>();
    private RedisProcess process;
    private RedisClient client;
    private RedisCommands<String, String> commands;

    RedisBus(RedisKeys keys) {
        this.keys = keys;
    }

    @Override
    public void beforeAll(ExtensionContext context) throws IOException, InterruptedException {
        process = RedisProcess.start();
        client = RedisClient.create(process.url());
        commands = client.connect().sync();
        StatefulRedisPubSubConnection<String, String> listening = client.connectPubSub();
        listening.addListener(new RedisPubSubAdapter<>() {
            @Override
            public void message(String channel, String message) {
                messages.add(message);
            }
        });
        listening.sync().subscribe(keys.bus());
    }

    RedisCommands<String, String> commands() {
        return commands;
    }

    BlockingQueue<String> messages() {
        return messages;
    }

    /** Before each test: Redis empty, no message heard yet. */
    @Override
    public void beforeEach(ExtensionContext context) {
        commands.flushall();
        messages.clear();
    }

    @Override
    public void afterAll(ExtensionContext context) throws InterruptedException {
        client.shutdown();
        process.close();
    }
}
