package io.herald.internal.delivery;

import jakarta.enterprise.inject.Instance;

/**
 * Where a connection's engine takes its time and threads from: the application's {@link EngineEnvironment} bean
 * when it has one (tests hold time, chance and threads in their hands that way), else the system's time and the
 * container's managed executor ({@link SenderThreads#find}).
 *
 * <pre>{@code
 * ConnectionThreads chosen = ConnectionThreads.choose(environments, "pusher");
 * new DeliveryEngine(..., chosen.environment());
 * }</pre>
 *
 * @param environment the engine's ticker, sleeper, jitter, clock and sender executor
 * @param threads the sender threads, which the connection closes when it closes
 */
record ConnectionThreads(EngineEnvironment environment, SenderThreads threads) {

    static ConnectionThreads choose(Instance<EngineEnvironment> environments, String connection) {
        if (environments.isResolvable()) {
            EngineEnvironment environment = environments.get();
            return new ConnectionThreads(environment,
                    new SenderThreads(environment.senders(), "the application's EngineEnvironment", false));
        }
        SenderThreads threads = SenderThreads.find(connection);
        return new ConnectionThreads(EngineEnvironment.system(threads.executor()), threads);
    }
}
