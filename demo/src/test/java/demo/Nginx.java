package demo;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Debian's nginx, run by the test in a directory of its own with the configuration of {@code docs/behind-a-proxy.md}
 * taken word for word, only its addresses, ports and certificate paths replaced (each must be found, so the guide and
 * the test cannot drift apart); TLS with a certificate for localhost that openssl makes for the run.
 */
final class Nginx implements AutoCloseable {
    private static final Pattern NGINX_BLOCK = Pattern.compile("```nginx\\n(.*?)```", Pattern.DOTALL);

    private final Process process;
    private final int port;
    private final Path certificate;

    private Nginx(Process process, int port, Path certificate) {
        this.process = process;
        this.port = port;
        this.certificate = certificate;
    }

    /** nginx on a free port in front of the demo instances at {@code ports} (two, as in the guide). */
    static Nginx start(List<Integer> ports) throws Exception {
        Path directory = Files.createTempDirectory("herald-nginx");
        Path certificate = directory.resolve("cert.pem");
        Path key = directory.resolve("key.pem");
        run(directory, "openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1",
                "-subj", "/CN=localhost", "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1",
                "-keyout", key.toString(), "-out", certificate.toString());
        int port = DemoCluster.freePort();
        String site = replaceAll(guideConfiguration(), Map.of(
                "server 127.0.0.1:8081;", "server 127.0.0.1:" + ports.get(0) + ";",
                "server 127.0.0.1:8082;", "server 127.0.0.1:" + ports.get(1) + ";",
                "listen 443 ssl;", "listen 127.0.0.1:" + port + " ssl;",
                "server_name example.com;", "server_name localhost;",
                "/etc/ssl/herald/fullchain.pem", certificate.toString(),
                "/etc/ssl/herald/privkey.pem", key.toString()));
        // What a system's nginx.conf around the guide's http-level part provides, in this directory.
        String configuration = "pid " + directory.resolve("nginx.pid") + ";\n"
                + "error_log " + directory.resolve("error.log") + " info;\n"
                + "events {}\n"
                + "http {\n"
                + "access_log off;\n"
                + "client_body_temp_path " + directory.resolve("body") + ";\n"
                + "proxy_temp_path " + directory.resolve("proxy") + ";\n"
                + "fastcgi_temp_path " + directory.resolve("fastcgi") + ";\n"
                + "uwsgi_temp_path " + directory.resolve("uwsgi") + ";\n"
                + "scgi_temp_path " + directory.resolve("scgi") + ";\n"
                + site + "}\n";
        Path conf = directory.resolve("nginx.conf");
        Files.writeString(conf, configuration);
        Process process = new ProcessBuilder(nginx(), "-p", directory.toString(), "-c", conf.toString(),
                "-g", "daemon off;").redirectErrorStream(true)
                .redirectOutput(directory.resolve("nginx.out").toFile()).start();
        Nginx nginx = new Nginx(process, port, certificate);
        nginx.awaitListening(directory);
        return nginx;
    }

    /** The proxy's address, as a browser would open it. */
    String url() {
        return "https://localhost:" + port + "/";
    }

    /** The certificate the proxy presents (for NODE_EXTRA_CA_CERTS). */
    Path certificate() {
        return certificate;
    }

    @Override
    public void close() throws InterruptedException {
        process.destroy();
        process.waitFor(20, TimeUnit.SECONDS);
    }

    private static String guideConfiguration() throws IOException {
        String guide = Files.readString(Path.of("../docs/behind-a-proxy.md"), StandardCharsets.UTF_8);
        Matcher block = NGINX_BLOCK.matcher(guide);
        assertTrue(block.find(), "docs/behind-a-proxy.md has an nginx block");
        return block.group(1);
    }

    private static String replaceAll(String text, Map<String, String> replacements) {
        String replaced = text;
        for (Map.Entry<String, String> replacement : replacements.entrySet()) {
            assertTrue(replaced.contains(replacement.getKey()),
                    "docs/behind-a-proxy.md's configuration has " + replacement.getKey());
            replaced = replaced.replace(replacement.getKey(), replacement.getValue());
        }
        return replaced;
    }

    private static String nginx() {
        for (String candidate : List.of("/usr/sbin/nginx", "/usr/bin/nginx")) {
            if (Files.isExecutable(Path.of(candidate))) {
                return candidate;
            }
        }
        return "nginx";
    }

    private void awaitListening(Path directory) throws IOException, InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(20));
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("nginx exited:\n" + Files.readString(directory.resolve("nginx.out"))
                        + read(directory.resolve("error.log")));
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
                return;
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        throw new IllegalStateException("nginx did not listen on " + port + " within 20 s:\n"
                + read(directory.resolve("error.log")));
    }

    private static String read(Path file) throws IOException {
        return Files.exists(file) ? Files.readString(file) : "";
    }

    private static void run(Path directory, String... command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).directory(directory.toFile()).redirectErrorStream(true).start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed:\n" + output);
        }
    }
}
