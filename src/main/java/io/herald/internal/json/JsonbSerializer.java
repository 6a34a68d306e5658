package io.herald.internal.json;

import io.herald.spi.PayloadSerializer;
import jakarta.enterprise.inject.spi.CDI;
import jakarta.json.bind.Jsonb;
import jakarta.json.bind.JsonbBuilder;
import java.util.Optional;

/**
 * Payloads through JSON-B, as the runtime's JAX-RS writes them: the application's {@code Jsonb} bean where it has one
 * (Quarkus with {@code quarkus-jsonb}), else the runtime's default {@code Jsonb} (WildFly, Payara). Loaded only where
 * JSON-B's API is on the class path.
 */
final class JsonbSerializer implements PayloadSerializer {
    private final Jsonb jsonb;
    private final String source;

    private JsonbSerializer(Jsonb jsonb, String source) {
        this.jsonb = jsonb;
        this.source = source;
    }

    /** JSON-B, if the runtime has an implementation. */
    static Optional<PayloadSerializer> find() {
        try {
            var beans = CDI.current().select(Jsonb.class);
            if (beans.isResolvable()) {
                return Optional.of(new JsonbSerializer(beans.get(), "JSON-B, the application's Jsonb bean"));
            }
        } catch (RuntimeException noBeanHere) {
            // the default below
        }
        try {
            return Optional.of(new JsonbSerializer(JsonbBuilder.create(), "JSON-B, the runtime's default Jsonb"));
        } catch (RuntimeException | LinkageError noImplementation) {
            return Optional.empty();
        }
    }

    @Override
    public String toJson(Object payload) {
        return jsonb.toJson(payload);
    }

    @Override
    public String toString() {
        return source;
    }
}
