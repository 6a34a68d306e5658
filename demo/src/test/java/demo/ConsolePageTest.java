package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.herald.testing.ProcessOutput;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Starts the demo, whose settings turn Herald's console on for admins (and for anonymous visitors at this machine),
 * and runs {@code test/console.test.mjs} in headless Chromium: what happens on the demo page shows on the console
 * within a second. Beside it, as processes of their own (MicroProfile Config is one per JVM): the demo listening on
 * every interface, reached at this machine's network address and so not from loopback, and the demo with its console
 * turned off.
 */
class ConsolePageTest {

    @Test
    void theConsoleShowsTheDemoLive() throws Exception {
        InetAddress network = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> address instanceof Inet4Address && !address.isLoopbackAddress())
                .findFirst().orElseThrow(() -> new IllegalStateException("no non-loopback IPv4 address here"));
        int port = DemoCluster.freePort();
        int everywhere = DemoCluster.freePort();
        int off = DemoCluster.freePort();
        List<Process> others = new ArrayList<>();
        try (DemoServer demo = DemoServer.start(port)) {
            others.add(demo(List.of(), Integer.toString(everywhere), "--public"));
            others.add(demo(List.of("-Dbroadcast.console.enabled=false"), Integer.toString(off)));
            Map<String, String> environment = new HashMap<>();
            environment.put("DEMO_URL", "http://localhost:" + port + "/");
            environment.put("DEMO_NETWORK_URL", "http://" + network.getHostAddress() + ":" + everywhere + "/");
            environment.put("DEMO_DISABLED_URL", "http://localhost:" + off + "/");
            BrowserTestRun.assertPasses("test/console.test.mjs", 5, environment);
        } finally {
            for (Process other : others) {
                other.destroy();
                other.waitFor(20, TimeUnit.SECONDS);
            }
        }
    }

    // A demo in a JVM of its own, once it serves.
    private static Process demo(List<String> properties, String... arguments) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString()));
        command.addAll(properties);
        command.addAll(List.of("-cp", System.getProperty("surefire.test.class.path",
                System.getProperty("java.class.path")), DemoServer.class.getName()));
        command.addAll(List.of(arguments));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        ProcessOutput output = ProcessOutput.copy(process, Files.createTempFile("demo", ".log"), "Herald demo:");
        assertTrue(output.awaitMarker(Duration.ofSeconds(60)), "the demo started:\n" + output.text());
        return process;
    }
}
