package io.herald.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.herald.Broadcast;
import io.herald.BroadcastException;
import io.herald.testing.HeraldContainer;
import io.herald.testing.HeraldContainer.Flavour;
import io.herald.testing.PusherRestStandIn;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.enterprise.inject.spi.Bean;
import jakarta.enterprise.inject.spi.BeanManager;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Micrometer counters and the MicroProfile Health readiness check, present because the application has them. */
class ObservabilityTest {
    private PusherRestStandIn pusher;

    @ApplicationScoped
    static class Registry {
        @Produces
        @ApplicationScoped
        MeterRegistry registry() {
            return new SimpleMeterRegistry();
        }
    }

    @BeforeEach
    void start() throws Exception {
        pusher = new PusherRestStandIn();
    }

    @AfterEach
    void stop() {
        pusher.close();
    }

    private Map<String, String> config(String... extra) {
        Map<String, String> config = new HashMap<>(Map.of(
                "broadcast.pusher.driver", "pusher", "broadcast.pusher.app-id", PusherRestStandIn.APP_ID,
                "broadcast.pusher.key", PusherRestStandIn.KEY, "broadcast.pusher.secret", PusherRestStandIn.SECRET,
                "broadcast.pusher.host", "127.0.0.1", "broadcast.pusher.port", String.valueOf(pusher.port()),
                "broadcast.pusher.ssl", "false", "broadcast.pusher.async", "true",
                "broadcast.pusher.retry.initial-backoff-ms", "10"));
        for (String entry : extra) {
            config.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        return config;
    }

    @Test
    void micrometerCountsQueuedSentRetriedAndFailedEvents() {
        try (WeldContainer container = HeraldContainer.start(config(), Registry.class, Failures.class)) {
            MeterRegistry registry = container.select(MeterRegistry.class).get();
            var ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);
            pusher.answerNext(500, "again");
            ticks.fire(new Tick(1));
            await().atMost(Duration.ofSeconds(5)).until(() -> pusher.publishedCount() == 1);
            pusher.answerNext(400, "no");
            ticks.fire(new Tick(2));
            await().atMost(Duration.ofSeconds(5)).until(() -> count(registry, "herald.broadcasts.failed", "queued") == 1);

            assertThat(count(registry, "herald.broadcasts.queued", null)).isEqualTo(2);
            assertThat(count(registry, "herald.broadcasts.sent", "queued")).isEqualTo(1);
            assertThat(count(registry, "herald.broadcasts.retried", null)).isEqualTo(1);
            assertThat(registry.get("herald.broadcasts.request").tag("mode", "queued").timer().count()).isEqualTo(1);
            assertThat(registry.get("herald.broadcasts.queue.depth").gauge().value()).isZero();
        }
    }

    // The dashboard that undercounted: one fire() and one fireAsync(), both delivered, are two events sent.
    @Test
    void everyPathIsCountedAndTimedAlike() throws Exception {
        try (WeldContainer container = HeraldContainer.start(config("broadcast.pusher.async=false"), Registry.class)) {
            MeterRegistry registry = container.select(MeterRegistry.class).get();
            var ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);

            ticks.fire(new Tick(1));
            ticks.fireAsync(new Tick(2)).toCompletableFuture().get();
            await().atMost(Duration.ofSeconds(5)).until(() -> pusher.publishedCount() == 2);

            assertThat(count(registry, "herald.broadcasts.sent", "sync")).isEqualTo(1);
            assertThat(count(registry, "herald.broadcasts.sent", "queued")).isEqualTo(1);
            assertThat(registry.get("herald.broadcasts.sent").counters()).allSatisfy(counter -> assertThat(counter.getId()
                    .getTags()).extracting(tag -> tag.getKey() + "=" + tag.getValue())
                    .contains("connection=pusher", "driver=pusher"));
            assertThat(registry.get("herald.broadcasts.request").tag("mode", "sync").timer().count()).isEqualTo(1);
        }
    }

    @Test
    void synchronousFailureIsCounted() {
        try (WeldContainer container = HeraldContainer.start(config("broadcast.pusher.async=false"), Registry.class)) {
            MeterRegistry registry = container.select(MeterRegistry.class).get();
            pusher.answerNext(400, "no");

            assertThatThrownBy(() -> container.event().select(Tick.class, Broadcast.Literal.INSTANCE).fire(new Tick(1)))
                    .isInstanceOf(BroadcastException.class);
            assertThat(count(registry, "herald.broadcasts.failed", "sync")).isEqualTo(1);
        }
    }

    @ParameterizedTest
    @EnumSource(Flavour.class)
    void readinessIsUpWithEachQueuesDepth(Flavour flavour) {
        try (WeldContainer container = HeraldContainer.start(flavour, config())) {
            HealthCheckResponse response = readiness(container).call();

            assertThat(response.getName()).isEqualTo("herald-broadcasting");
            assertThat(response.getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
            assertThat(response.getData()).hasValueSatisfying(data -> assertThat(data).containsEntry("pusher.queue-depth", 0L));
        }
    }

    // Quarkus could not start with the check in a normal scope: ArC cannot proxy the final class, and Weld, which
    // proxies lazily, never said so. A pseudo-scope needs no proxy in either.
    @ParameterizedTest
    @EnumSource(Flavour.class)
    void readinessBeanNeedsNoClientProxy(Flavour flavour) {
        try (WeldContainer container = HeraldContainer.start(flavour, config())) {
            BeanManager beans = container.getBeanManager();
            Bean<?> readiness = beans.resolve(beans.getBeans(HealthCheck.class, Readiness.Literal.INSTANCE));

            assertThat(beans.isNormalScope(readiness.getScope())).isFalse();
        }
    }

    @Test
    void readinessIsDownWhileAQueueIsFull() {
        pusher.delayAnswers(Duration.ofMillis(800));
        try (WeldContainer container = HeraldContainer.start(config("broadcast.pusher.queue-capacity=1",
                "broadcast.pusher.senders=1", "broadcast.pusher.queue-wait-ms=3000"))) {
            var ticks = container.event().select(Tick.class, Broadcast.Literal.INSTANCE);
            CompletableFuture.runAsync(() -> {
                for (int seq = 0; seq < 3; seq++) {
                    ticks.fire(new Tick(seq));
                }
            });

            await().atMost(Duration.ofSeconds(5))
                    .until(() -> readiness(container).call().getStatus() == HealthCheckResponse.Status.DOWN);
            await().atMost(Duration.ofSeconds(10)).until(() -> pusher.publishedCount() == 3);
        }
    }

    private static HealthCheck readiness(WeldContainer container) {
        return container.select(HealthCheck.class, Readiness.Literal.INSTANCE).get();
    }

    private static double count(MeterRegistry registry, String name, String mode) {
        var search = registry.find(name);
        return (mode == null ? search : search.tag("mode", mode)).counters().stream().mapToDouble(c -> c.count()).sum();
    }
}
