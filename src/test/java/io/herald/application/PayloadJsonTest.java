package io.herald.application;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import io.herald.Broadcast;
import io.herald.testing.HeraldContainer;
import io.herald.testing.LogCapture;
import io.herald.testkit.RecordedBroadcasts;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.json.bind.JsonbBuilder;
import java.util.HashMap;
import java.util.Map;
import java.util.logging.Level;
import org.jboss.weld.environment.se.WeldContainer;
import org.junit.jupiter.api.Test;

/**
 * Payloads are the JSON the application's runtime writes: JSON-B where it has it, its Jackson {@code ObjectMapper}
 * where it has one, else Herald's built-in JSON, which handles records, {@code java.time}, {@link java.util.Optional},
 * enums and {@link java.math.BigDecimal}. The same event, each way.
 */
class PayloadJsonTest {

    /** An application that has Jackson, with the modules and scope of Quarkus's ObjectMapper. */
    @ApplicationScoped
    static class JacksonApplication {
        @Produces
        @Singleton
        ObjectMapper objectMapper() {
            return new ObjectMapper().registerModule(new JavaTimeModule()).registerModule(new Jdk8Module())
                    .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        }
    }

    private static Map<String, String> memory(String... extra) {
        Map<String, String> config = new HashMap<>(Map.of("broadcast.default", "test", "broadcast.test.driver", "memory"));
        for (String entry : extra) {
            config.put(entry.substring(0, entry.indexOf('=')), entry.substring(entry.indexOf('=') + 1));
        }
        return config;
    }

    private static String sentJson(WeldContainer container) {
        container.event().select(OrderShipped.class, Broadcast.Literal.INSTANCE).fire(OrderShipped.example());
        return container.select(RecordedBroadcasts.class).get().assertSent(OrderShipped.class).once().events().get(0)
                .json();
    }

    @Test
    void withJsonbTheEventIsWhatTheRuntimesJsonbWrites() throws Exception {
        try (LogCapture log = new LogCapture(); WeldContainer container = HeraldContainer.start(memory())) {
            String json = sentJson(container);

            assertThat(json).isEqualTo(JsonbBuilder.create().toJson(OrderShipped.example()));
            assertThat(json).contains("\"shipped_by\":\"ada\"").contains("\"at\":\"2026-11-30T12:00:00Z\"")
                    .doesNotContain("fragile");
            assertThat(log.messages(Level.INFO)).anySatisfy(line -> assertThat(line).startsWith("HERALD-0211")
                    .contains("JSON-B"));
        }
    }

    @Test
    void withAnObjectMapperBeanTheEventIsWhatTheApplicationsJacksonWrites() throws Exception {
        try (WeldContainer container = HeraldContainer.start(memory(), JacksonApplication.class)) {
            String json = sentJson(container);

            assertThat(json).isEqualTo(new JacksonApplication().objectMapper().writeValueAsString(OrderShipped.example()));
            assertThat(json).contains("\"shipped_by\":\"ada\"").contains("\"due\":\"2026-12-02\"")
                    .doesNotContain("fragile");
        }
    }

    @Test
    void withNeitherTheBuiltInJsonHandlesRecordsTimeOptionalsEnumsAndDecimals() {
        try (WeldContainer container = HeraldContainer.start(memory("broadcast.json=builtin"))) {
            assertThat(sentJson(container)).isEqualTo("{\"id\":7,\"at\":\"2026-11-30T12:00:00Z\",\"due\":\"2026-12-02\","
                    + "\"carrier\":\"dhl\",\"parcel\":{\"weightGrams\":1200,\"items\":[\"book\",\"pen\"]},"
                    + "\"shippedBy\":\"ada\",\"internalNote\":\"fragile, do not tell\",\"status\":\"SHIPPED\","
                    + "\"total\":12.50}");
        }
    }

    @Test
    void forcingAJsonLibraryTheApplicationDoesNotHaveFailsTheDeployment() {
        assertThatThrownBy(() -> HeraldContainer.start(memory("broadcast.json=jackson")))
                .hasMessageContaining("HERALD-0003").hasMessageContaining("broadcast.json")
                .hasMessageContaining("ObjectMapper");
    }

    @Test
    void unknownJsonSettingFailsTheDeploymentListingTheChoices() {
        assertThatThrownBy(() -> HeraldContainer.start(memory("broadcast.json=yaml")))
                .hasMessageContaining("HERALD-0003").hasMessageContaining("broadcast.json")
                .hasMessageContaining("jsonb, jackson, builtin or auto, not 'yaml'");
    }

    @Test
    void stringPayloadsAreSentAsTheyAre() {
        try (WeldContainer container = HeraldContainer.start(memory(), JacksonApplication.class)) {
            container.select(io.herald.Broadcaster.class).get().channel("raw", "Raw", "{\"already\":\"json\"}");

            assertThat(container.select(RecordedBroadcasts.class).get().assertSent("Raw").once().events().get(0).json())
                    .isEqualTo("{\"already\":\"json\"}");
        }
    }

    @Test
    void theApplicationsOwnSerializerReplacesTheChoice() {
        try (WeldContainer container = HeraldContainer.start(memory(), UpperCaseJson.class)) {
            container.select(io.herald.Broadcaster.class).get().channel("raw", "Shout", Map.of("a", 1));

            assertThat(container.select(RecordedBroadcasts.class).get().assertSent("Shout").once().events().get(0).json())
                    .isEqualTo("{\"A\":\"1\"}");
        }
    }

    /** An application's own serializer. */
    @ApplicationScoped
    static class UpperCaseJson implements io.herald.spi.PayloadSerializer {
        @Override
        public String toJson(Object payload) {
            Map<?, ?> map = (Map<?, ?>) payload;
            StringBuilder json = new StringBuilder("{");
            map.forEach((key, value) -> json.append('"').append(key.toString().toUpperCase()).append("\":\"")
                    .append(value).append('"'));
            return json.append('}').toString();
        }
    }
}
