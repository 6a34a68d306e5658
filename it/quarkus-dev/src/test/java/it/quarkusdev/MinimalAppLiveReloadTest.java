package it.quarkusdev;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The smallest Quarkus application a new user writes (quarkus-rest, quarkus-websockets, Herald with the local driver
 * and nothing else, one resource firing {@code OrderShipped}) under {@code quarkus:dev}, with pusher-js in Node as the
 * browser. pusher-js reconnects at once after 4200, which used to land in the middle of the restart and leave the
 * client deaf; now every client connected before a reload receives the reloaded application's events, reload after
 * reload, and so does a client connected after it.
 */
class MinimalAppLiveReloadTest {
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static DevMode app;
    private static final List<Process> clients = new ArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        app = DevMode.start("minimal-app", "orders/version", "generation-0");
    }

    @AfterAll
    static void stop() throws Exception {
        for (Process client : clients) {
            client.getOutputStream().close();
            client.waitFor(10, TimeUnit.SECONDS);
            client.destroyForcibly();
        }
        if (app != null) {
            app.stop();
        }
    }

    /** What one pusher-js client printed, a JSON line each. */
    private static BlockingQueue<String> client() throws IOException {
        Process node = new ProcessBuilder("node", System.getProperty("orders.client"), System.getProperty("pusher.js"),
                String.valueOf(app.port())).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        clients.add(node);
        BlockingQueue<String> lines = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader out = new BufferedReader(new InputStreamReader(node.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = out.readLine(); line != null; line = out.readLine()) {
                    lines.add(line);
                }
            } catch (IOException ended) {
                // the client is gone
            }
        });
        reader.setDaemon(true);
        reader.start();
        return lines;
    }

    // The next line of 'wanted', failing on a state pusher-js enters only when it cannot reach the server.
    private static void await(BlockingQueue<String> lines, String wanted, int seconds) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
        List<String> seen = new ArrayList<>();
        while (System.nanoTime() < deadline) {
            String line = lines.poll(100, TimeUnit.MILLISECONDS);
            if (line == null) {
                continue;
            }
            seen.add(line);
            if (line.equals("{\"state\":\"unavailable\"}") || line.equals("{\"state\":\"failed\"}")) {
                throw new AssertionError("pusher-js could not reach the application: " + seen);
            }
            if (line.equals(wanted)) {
                return;
            }
        }
        throw new AssertionError(wanted + " not within " + seconds + " s; pusher-js printed " + seen);
    }

    private static void ship(String id) throws Exception {
        HttpResponse<String> answer = HTTP.send(HttpRequest.newBuilder(app.uri().resolve("orders/" + id))
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(204, answer.statusCode(), answer.body());
    }

    @Test
    void clientsConnectedBeforeEachReloadReceiveTheReloadedApplicationsEvents() throws Exception {
        BlockingQueue<String> first = client();
        await(first, "{\"subscribed\":\"orders\"}", 30);
        ship("before");
        await(first, "{\"shipped\":\"before\"}", 10);

        for (int generation = 1; generation <= 3; generation++) {
            app.edit("src/main/java/shop/Orders.java", "generation-" + generation);
            await(first, "{\"subscribed\":\"orders\"}", 15);
            BlockingQueue<String> newcomer = client();
            await(newcomer, "{\"subscribed\":\"orders\"}", 15);

            ship("after-" + generation);

            await(first, "{\"shipped\":\"after-" + generation + "\"}", 10);
            await(newcomer, "{\"shipped\":\"after-" + generation + "\"}", 10);
        }
    }
}
