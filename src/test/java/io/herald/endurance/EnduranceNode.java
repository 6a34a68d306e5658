package io.herald.endurance;

import io.herald.endurance.server.MeterResource;
import io.herald.testing.HeraldServer;
import java.io.IOException;
import java.util.Map;

/**
 * One instance of a clustered endurance run, in its own JVM: {@code EnduranceNode <port> [key=value ...]} starts
 * Herald (the {@code local} driver, JAX-RS at the root) with the run's app and the settings given, and
 * {@link MeterResource}; prints {@value #READY} and runs until its standard input closes (or it is killed).
 */
public final class EnduranceNode {
    static final String READY = "ENDURANCE-NODE-READY";

    private EnduranceNode() {
    }

    public static void main(String[] args) throws IOException {
        Map<String, String> config = EnduranceRun.localConfig();
        for (int i = 1; i < args.length; i++) {
            String[] parts = args[i].split("=", 2);
            config.put(parts[0], parts[1]);
        }
        HeraldServer server = HeraldServer.atRootOnPortWithEnvironment(Integer.parseInt(args[0]), config,
                MeterResource.class);
        System.out.println(READY);
        System.out.flush();
        while (System.in.read() >= 0) {
            // until the run closes our input
        }
        server.close();
        System.exit(0);
    }
}
