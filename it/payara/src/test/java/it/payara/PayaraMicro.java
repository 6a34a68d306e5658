package it.payara;

import it.scenarios.ServerStartup;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * One Payara Micro process on a free port, on the Java it is given, with ROOT.war and broken.war deployed; its
 * output goes to a log file beside the jar.
 */
final class PayaraMicro implements AutoCloseable {
    private final Process process;
    private final int port;
    private final Path log;

    private PayaraMicro(Process process, int port, Path log) {
        this.process = process;
        this.port = port;
        this.log = log;
    }

    static PayaraMicro start(String name, Path jar, Path javaHome) throws IOException, InterruptedException {
        Path deployments = Path.of(System.getProperty("deployments"));
        Path log = jar.resolveSibling(jar.getFileName().toString().replace(".jar", "-output.log"));
        int port = freePort();
        Process process = new ProcessBuilder(javaHome.resolve("bin/java").toString(), "-Dit.http.port=" + port,
                "-jar", jar.toString(),
                "--deploy", deployments.resolve("ROOT.war").toString(),
                "--deploy", deployments.resolve("broken.war").toString(),
                "--port", String.valueOf(port), "--nocluster", "--nohostaware")
                .redirectErrorStream(true)
                .redirectOutput(log.toFile())
                .start();
        PayaraMicro server = new PayaraMicro(process, port, log);
        ServerStartup.await(name, process, server::log, "Payara Micro URLs",
                URI.create("http://127.0.0.1:" + port + "/releases"), Duration.ofMinutes(3));
        return server;
    }

    int port() {
        return port;
    }

    String log() throws IOException {
        return Files.exists(log) ? Files.readString(log, StandardCharsets.UTF_8) : "";
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
