package it.cdi3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.smallrye.config.PropertiesConfigSource;
import io.smallrye.config.SmallRyeConfigBuilder;
import jakarta.enterprise.inject.se.SeContainerInitializer;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.Map;
import org.eclipse.microprofile.config.spi.ConfigProviderResolver;
import org.junit.jupiter.api.Test;

/**
 * Herald needs CDI 4.0 (Jakarta EE 10). In a CDI 3.0 container (Weld SE 4, as in Jakarta EE 9.1 servers) the
 * deployment fails with Herald's own message, before any bean of Herald's is looked at, not with a
 * NoClassDefFoundError.
 */
class MinimumPlatformTest {

    @Test
    void aCdi3ContainerRefusesTheDeploymentSayingWhatHeraldNeeds() {
        ConfigProviderResolver.instance().registerConfig(new SmallRyeConfigBuilder().withSources(
                new PropertiesConfigSource(Map.of("broadcast.default", "log", "broadcast.log.driver", "log"), "test",
                        500)).build(), Thread.currentThread().getContextClassLoader());

        assertThatThrownBy(() -> SeContainerInitializer.newInstance().initialize().close())
                .hasStackTraceContaining("HERALD-0026: Herald needs CDI 4.0 or later (Jakarta EE 10, MicroProfile 6); "
                        + "this container's CDI has no jakarta.enterprise.event.Startup")
                .hasStackTraceContaining("so it is CDI 3.0 (Jakarta EE 9.1) or older")
                .satisfies(failure -> {
                    StringWriter trace = new StringWriter();
                    failure.printStackTrace(new PrintWriter(trace));
                    assertThat(trace.toString()).as("no class of CDI 4.0 was needed to say so")
                            .doesNotContain("NoClassDefFoundError");
                });
    }
}
