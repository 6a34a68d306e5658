package io.herald.internal.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.herald.spi.PayloadSerializer;
import jakarta.enterprise.inject.spi.CDI;
import java.util.Optional;

/**
 * Payloads through the application's Jackson {@code ObjectMapper} bean (Quarkus REST with Jackson registers one, with
 * its modules and settings), so events read as the application's REST answers do. Loaded only where Jackson is on the
 * class path.
 */
final class JacksonSerializer implements PayloadSerializer {
    private final ObjectMapper mapper;

    private JacksonSerializer(ObjectMapper mapper) {
        this.mapper = mapper;
    }

    /** The application's {@code ObjectMapper} bean, if it has one. */
    static Optional<PayloadSerializer> find() {
        try {
            var beans = CDI.current().select(ObjectMapper.class);
            return beans.isResolvable() ? Optional.of(new JacksonSerializer(beans.get())) : Optional.empty();
        } catch (RuntimeException | LinkageError noBeanHere) {
            return Optional.empty();
        }
    }

    @Override
    public String toJson(Object payload) {
        try {
            return mapper.writeValueAsString(payload);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e.getOriginalMessage(), e);
        }
    }

    @Override
    public String toString() {
        return "Jackson, the application's ObjectMapper bean";
    }
}
