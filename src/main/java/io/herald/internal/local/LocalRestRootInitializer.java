package io.herald.internal.local;

import io.herald.internal.HeraldLog;
import io.herald.internal.config.HeraldSettings;
import jakarta.servlet.ServletContainerInitializer;
import jakarta.servlet.ServletContext;
import jakarta.servlet.ServletRegistration;
import java.util.List;
import java.util.Set;

/**
 * Registers {@link LocalRestRootServlet} at {@code /apps/*} of the web application when a {@code local} connection
 * sets {@code rest-api-at-root=true}; otherwise registers nothing. JAX-RS resources live under the application path,
 * which Pusher's PHP, Python, Ruby and Go libraries cannot be told about; a servlet can sit at the root.
 */
public final class LocalRestRootInitializer implements ServletContainerInitializer {

    @Override
    public void onStartup(Set<Class<?>> classes, ServletContext context) {
        HeraldSettings settings = HeraldSettings.fromMicroProfileConfig();
        List<String> connections = settings.configuredConnections().stream()
                .filter(name -> settings.connection(name).get("driver").filter("local"::equals).isPresent())
                .filter(name -> settings.connection(name).getBoolean("rest-api-at-root", false))
                .sorted().toList();
        if (connections.isEmpty()) {
            return;
        }
        ServletRegistration.Dynamic servlet = context.addServlet("herald-rest-api-at-root", LocalRestRootServlet.class);
        if (servlet == null) {
            return;
        }
        servlet.addMapping(LocalRestRootServlet.MAPPING);
        HeraldLog.restApiAtRoot(context.getContextPath() + "/apps", connections);
    }
}
