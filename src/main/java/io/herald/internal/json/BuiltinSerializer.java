package io.herald.internal.json;

import com.google.gson.Gson;
import com.google.gson.GsonBuilder;
import com.google.gson.TypeAdapter;
import com.google.gson.TypeAdapterFactory;
import com.google.gson.reflect.TypeToken;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonWriter;
import io.herald.spi.PayloadSerializer;
import java.io.IOException;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.Optional;

/**
 * The JSON Herald writes when the application has neither JSON-B nor a Jackson {@code ObjectMapper}: fields of
 * classes, components of records, entries of maps; {@code java.time} values as their ISO-8601 text (as JSON-B and
 * Jackson's JavaTimeModule write them), an {@link Optional} as its value or {@code null}, enums by name, numbers as
 * numbers, nulls kept.
 *
 * <pre>{@code
 * new BuiltinSerializer().toJson(new Shipped(7, Instant.parse("2026-11-30T12:00:00Z")));
 * // {"id":7,"at":"2026-11-30T12:00:00Z"}
 * }</pre>
 */
final class BuiltinSerializer implements PayloadSerializer {
    private static final Gson GSON = new GsonBuilder()
            .disableHtmlEscaping()
            .serializeNulls()
            .registerTypeAdapterFactory(new JavaTimeAsText())
            .registerTypeAdapterFactory(new OptionalAsValue())
            .create();

    @Override
    public String toJson(Object payload) {
        return GSON.toJson(payload);
    }

    /** Every {@code java.time} value as its {@code toString()}, which is ISO-8601 for each of them. */
    private static final class JavaTimeAsText implements TypeAdapterFactory {
        @Override
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (!type.getRawType().getName().startsWith("java.time.")) {
                return null;
            }
            return new TypeAdapter<>() {
                @Override
                public void write(JsonWriter out, T value) throws IOException {
                    if (value == null) {
                        out.nullValue();
                    } else {
                        out.value(value.toString());
                    }
                }

                @Override
                public T read(JsonReader in) {
                    throw new UnsupportedOperationException("Herald only writes payloads");
                }
            };
        }
    }

    /** An {@link Optional} as the value it holds, or {@code null}. */
    private static final class OptionalAsValue implements TypeAdapterFactory {
        @Override
        @SuppressWarnings("unchecked")
        public <T> TypeAdapter<T> create(Gson gson, TypeToken<T> type) {
            if (type.getRawType() != Optional.class) {
                return null;
            }
            Type held = type.getType() instanceof ParameterizedType generic ? generic.getActualTypeArguments()[0]
                    : Object.class;
            TypeAdapter<Object> inner = (TypeAdapter<Object>) gson.getAdapter(TypeToken.get(held));
            return (TypeAdapter<T>) new TypeAdapter<Optional<?>>() {
                @Override
                public void write(JsonWriter out, Optional<?> value) throws IOException {
                    if (value == null || value.isEmpty()) {
                        out.nullValue();
                    } else {
                        inner.write(out, value.get());
                    }
                }

                @Override
                public Optional<?> read(JsonReader in) {
                    throw new UnsupportedOperationException("Herald only writes payloads");
                }
            };
        }
    }
}
