package io.herald.spi;

import java.util.List;

/**
 * Makes the driver named by {@code broadcast.<connection>.driver}. Implement it as an
 * {@code @ApplicationScoped} bean to add a driver; Herald ships {@code pusher}, {@code log} and {@code null}.
 *
 * <pre>{@code
 * @ApplicationScoped
 * public class StdoutDriverFactory implements BroadcastDriverFactory {
 *     public String name() { return "stdout"; }
 *     public BroadcastDriver create(ConnectionConfig config) { return new StdoutDriver(); }
 * }
 * }</pre>
 */
public interface BroadcastDriverFactory {

    /**
     * The value of {@code broadcast.<connection>.driver} this factory answers to.
     *
     * @return the driver's name, e.g. {@code pusher}
     */
    String name();

    /**
     * The settings a connection of this driver cannot do without, checked together before {@link #create} so that a
     * deployment missing several is told of all of them at once. Alternatives are joined by {@code |}:
     * {@code "client|key"} means either one.
     *
     * <pre>{@code
     * public List<String> requiredSettings() {
     *     return List.of("app-id", "client|key", "secret");
     * }
     * }</pre>
     *
     * @return the keys, relative to the connection
     */
    default List<String> requiredSettings() {
        return List.of();
    }

    /**
     * Reads every setting the driver takes, without opening anything, so that Herald can report every problem of a
     * deployment's settings together at startup, before any connection opens. The default reads nothing.
     *
     * <pre>{@code
     * public void checkSettings(ConnectionConfig config) {
     *     config.getInt("timeout-ms", 4000, 1, 600_000);
     * }
     * }</pre>
     *
     * @param config the connection's settings
     */
    default void checkSettings(ConnectionConfig config) {
    }

    /**
     * A driver for one connection. Read settings through {@code config}; a missing required one should be
     * reported with {@link ConnectionConfig#require(String)}, which names the property.
     *
     * @param config the connection's settings
     * @return the driver, closed when the application stops
     */
    BroadcastDriver create(ConnectionConfig config);
}
