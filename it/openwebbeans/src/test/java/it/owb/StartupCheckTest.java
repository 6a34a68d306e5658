package it.owb;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.apache.webbeans.exception.WebBeansConfigurationException;

import org.junit.jupiter.api.Test;

/** Herald's startup check fails the deployment under OpenWebBeans as under Weld, naming what is wrong. */
class StartupCheckTest {

    @Test
    void aConnectionWithoutItsSecretFailsTheDeploymentNamingTheProperty() {
        assertThatThrownBy(() -> OpenWebBeansHerald.start("broadcast.default=pusher", "broadcast.pusher.driver=pusher",
                "broadcast.pusher.app-id=1", "broadcast.pusher.key=k").close())
                .hasStackTraceContaining("HERALD-0001").hasStackTraceContaining("broadcast.pusher.secret");
    }

    @Test
    void aValueOutsideItsRangeFailsTheDeploymentNamingIt() {
        assertThatThrownBy(() -> OpenWebBeansHerald.withMemoryDriver("broadcast.memory.queue-capacity=0").close())
                .hasStackTraceContaining("HERALD-0003").hasStackTraceContaining("broadcast.memory.queue-capacity");
    }

    @Test
    void aBroadcastEventOfATypeThatCannotBroadcastFailsTheDeploymentNamingTheInjectionPoint() {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler handler = new Handler() {
            @Override
            public void publish(LogRecord record) {
                logged.add(String.valueOf(record.getMessage()));
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
        Logger root = Logger.getLogger("");
        root.addHandler(handler);
        try {
            // OpenWebBeans fails the deployment with "errors ... Look at logs" and logs each definition error
            assertThatThrownBy(() -> OpenWebBeansHerald.start(new Class<?>[] {MisdeclaredEvent.class},
                    "broadcast.default=memory", "broadcast.memory.driver=memory").close())
                    .isInstanceOf(WebBeansConfigurationException.class);
            assertThat(logged).anySatisfy(message -> assertThat(message).isEqualTo("HERALD-0005: "
                    + "it.owb.MisdeclaredEvent.messages is qualified @Broadcast, but java.lang.String does not "
                    + "implement io.herald.CanBroadcast"));
        } finally {
            root.removeHandler(handler);
        }
    }
}
