package io.herald.spi;

/**
 * Turns an event's payload ({@code broadcastWith()}, or the data given to {@code Broadcaster}) into the JSON text
 * subscribers receive. Herald picks the runtime's own JSON (the application's Jackson {@code ObjectMapper} bean, else
 * JSON-B, else a built-in one); an application bean of this type replaces that choice. A
 * {@link String} payload never reaches it: strings are sent as they are.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class CompactJson implements PayloadSerializer {
 *     private final ObjectMapper mapper = new ObjectMapper().findAndRegisterModules();
 *
 *     public String toJson(Object payload) {
 *         try {
 *             return mapper.writeValueAsString(payload);
 *         } catch (JsonProcessingException e) {
 *             throw new IllegalArgumentException(e.getOriginalMessage(), e);
 *         }
 *     }
 * }
 * }</pre>
 */
public interface PayloadSerializer {

    /**
     * The JSON text of {@code payload}.
     *
     * @param payload what {@code broadcastWith()} returned
     * @return its JSON text
     * @throws RuntimeException when it cannot be serialised; Herald reports it naming the event ({@code HERALD-0013})
     */
    String toJson(Object payload);
}
