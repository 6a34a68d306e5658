package demo;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Collections;
import org.junit.jupiter.api.Test;

/** The demo's log-in can be forged, so by default it answers on this machine's loopback interface only. */
class LoopbackOnlyTest {

    @Test
    void demoAnswersOnLoopbackAndNotOnTheNetwork() throws Exception {
        InetAddress network = Collections.list(NetworkInterface.getNetworkInterfaces()).stream()
                .flatMap(nic -> Collections.list(nic.getInetAddresses()).stream())
                .filter(address -> !address.isLoopbackAddress() && address.getAddress().length == 4)
                .findFirst().orElseThrow(() -> new IllegalStateException("this test needs a non-loopback IPv4 address"));
        int port = freePort();
        try (DemoServer demo = DemoServer.start(port)) {
            HttpResponse<String> local = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/")).build(),
                    HttpResponse.BodyHandlers.ofString());

            assertEquals(200, local.statusCode());
            assertThrows(IOException.class, () -> {
                try (Socket socket = new Socket()) {
                    socket.connect(new InetSocketAddress(network, port), 2000);
                }
            });
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
