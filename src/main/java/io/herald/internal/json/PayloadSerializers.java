package io.herald.internal.json;

import io.herald.internal.HeraldLog;
import io.herald.internal.OptionalClasses;
import io.herald.internal.HeraldMessages;
import io.herald.internal.config.HeraldSettings;
import io.herald.spi.PayloadSerializer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.Startup;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.lang.reflect.Modifier;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Chooses how event payloads become JSON, once, when the application starts, and says so ({@code HERALD-0211}): the
 * application's {@link PayloadSerializer} bean if it has one; else what {@code broadcast.json} forces ({@code jsonb},
 * {@code jackson}, {@code builtin}); else, as the runtime's JAX-RS would, the application's Jackson
 * {@code ObjectMapper} bean, then JSON-B, then {@link BuiltinSerializer}. Every driver then sends the same bytes, and
 * the 10 KB limit is checked on them.
 *
 * <pre>{@code
 * payloads.toJson("NewRelease", Map.of("version", "4.0.0"));   // {"version":"4.0.0"}
 * payloads.toJson("Raw", "{\"already\":\"json\"}");           // unchanged
 * }</pre>
 */
@ApplicationScoped
public class PayloadSerializers {
    /** The setting that forces a choice. */
    public static final String SETTING = "broadcast.json";

    private static final boolean JSONB = OptionalClasses.present("jakarta.json.bind.Jsonb");
    private static final boolean JACKSON = OptionalClasses.present("com.fasterxml.jackson.databind.ObjectMapper");

    @Inject
    Instance<PayloadSerializer> applicationSerializers;

    private volatile PayloadSerializer chosen;

    void chooseAtStartup(@Observes Startup startup) {
        serializer();
    }

    /**
     * The text subscribers receive: a {@link String} as it is, anything else as JSON.
     *
     * @throws IllegalArgumentException naming the event when the payload cannot be serialised ({@code HERALD-0013})
     */
    public String toJson(String event, Object payload) {
        if (payload instanceof String text) {
            return text;
        }
        try {
            return serializer().toJson(payload);
        } catch (RuntimeException | StackOverflowError e) {
            throw HeraldMessages.unserialisable(event, e, notPublic(payload.getClass()));
        }
    }

    // The usual reason JSON-B refuses a record: it, or a class it is nested in, is not public.
    private static Class<?> notPublic(Class<?> type) {
        for (Class<?> c = type; c != null; c = c.getEnclosingClass()) {
            if (!Modifier.isPublic(c.getModifiers())) {
                return type;
            }
        }
        return null;
    }

    private PayloadSerializer serializer() {
        PayloadSerializer found = chosen;
        if (found == null) {
            found = choose();
            chosen = found;
        }
        return found;
    }

    private PayloadSerializer choose() {
        if (applicationSerializers.isResolvable()) {
            PayloadSerializer application = applicationSerializers.get();
            HeraldLog.payloadSerializerChosen(application.getClass().getName(), "the application's PayloadSerializer");
            return application;
        }
        String forced = HeraldSettings.fromMicroProfileConfig().json();
        PayloadSerializer serializer = switch (forced) {
            case "builtin" -> new BuiltinSerializer();
            case "jsonb" -> required(JSONB ? JsonbSerializer::find : Optional::empty, forced,
                    "JSON-B's API and an implementation (Yasson) on the class path");
            case "jackson" -> required(JACKSON ? JacksonSerializer::find : Optional::empty, forced,
                    "jackson-databind on the class path and an ObjectMapper bean");
            case "auto" -> (JACKSON ? JacksonSerializer.find() : Optional.<PayloadSerializer>empty())
                    .or(() -> JSONB ? JsonbSerializer.find() : Optional.empty())
                    .orElseGet(BuiltinSerializer::new);
            default -> throw new IllegalStateException("unreachable: HeraldSettings.json() checks " + SETTING);
        };
        HeraldLog.payloadSerializerChosen(serializer instanceof BuiltinSerializer ? "Herald's built-in JSON"
                : serializer.toString(), forced.equals("auto") ? "found in the application" : SETTING + "=" + forced);
        return serializer;
    }

    private static PayloadSerializer required(Supplier<Optional<PayloadSerializer>> finder, String choice, String needs) {
        return finder.get().orElseThrow(() -> HeraldMessages.invalidProperty(SETTING,
                "a JSON library the application has; '" + choice + "' needs " + needs));
    }
}
