package io.herald.spi;

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

    /** The value of {@code broadcast.<connection>.driver} this factory answers to. */
    String name();

    /**
     * A driver for one connection. Read settings through {@code config}; a missing required one should be
     * reported with {@link ConnectionConfig#require(String)}, which names the property.
     */
    BroadcastDriver create(ConnectionConfig config);
}
