package it.scenarios;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;

/**
 * Waits for a server process the test started: ready once its log says so and the application answers a request
 * (any status is an answer), failed at once when the process exits, with the log in the message.
 *
 * <pre>{@code
 * ServerStartup.await("Open Liberty", server, OpenLibertyTest::log, "CWWKF0011I",
 *         URI.create("http://127.0.0.1:" + port + "/releases"), Duration.ofMinutes(3));
 * }</pre>
 */
public final class ServerStartup {

    /** The server's log as it is now. */
    @FunctionalInterface
    public interface Log {
        String read() throws IOException;
    }

    private ServerStartup() {
    }

    public static void await(String name, Process server, Log log, String readyLine, URI probe, Duration timeout)
            throws IOException, InterruptedException {
        HttpClient http = HttpClient.newHttpClient();
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!server.isAlive()) {
                throw new IllegalStateException(name + " exited:\n" + log.read());
            }
            if (log.read().contains(readyLine)) {
                try {
                    http.send(HttpRequest.newBuilder(probe).GET().build(), HttpResponse.BodyHandlers.discarding());
                    return;
                } catch (IOException notYet) {
                    // keep waiting
                }
            }
            Thread.sleep(250);
        }
        throw new IllegalStateException(name + " was not ready within " + timeout + ":\n" + log.read());
    }
}
