package it.scenarios;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * A deployment whose Pusher connection has no secret must fail, and say which property is missing. Each runtime
 * says how it reported the failure (a marker file, a log, a process's output).
 */
public interface MissingCredentialScenario {

    /** What the runtime reported when it tried to deploy the app whose secret is missing. */
    String failedDeploymentReport() throws Exception;

    @Test
    default void missingCredentialFailsTheDeploymentNamingTheProperty() throws Exception {
        String report = failedDeploymentReport();

        assertTrue(report.contains("HERALD-0001") && report.contains("'broadcast.pusher.secret'"), report);
    }
}
