package io.herald.testing;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/**
 * A WebSocket client written out by hand, for what no client library sends: one text frame of any size, its header
 * first and its payload streamed after, so a test can see whether the server acts before the frame is complete. Also
 * used by the runtime scenarios in {@code it/} (through this project's test jar).
 *
 * <pre>{@code
 * try (SingleFrameSocket socket = SingleFrameSocket.open(URI.create("ws://127.0.0.1:8080/app/key"))) {
 *     socket.next();                                        // pusher:connection_established
 *     socket.startFrame("{\"event\":", 50 << 20, 64 << 10);  // announce 50 MB, send 64 KB
 *     socket.next();                                        // "close:1009"
 * }
 * }</pre>
 */
public final class SingleFrameSocket implements AutoCloseable {
    private final Socket socket;
    private final DataInputStream in;
    private final OutputStream out;

    private SingleFrameSocket(Socket socket) throws IOException {
        this.socket = socket;
        this.in = new DataInputStream(socket.getInputStream());
        this.out = socket.getOutputStream();
    }

    /** Opens {@code ws://host:port/path} and reads the answer to the upgrade. */
    public static SingleFrameSocket open(URI uri) throws IOException {
        Socket socket = new Socket(uri.getHost(), uri.getPort());
        socket.setSoTimeout(20_000);
        SingleFrameSocket client = new SingleFrameSocket(socket);
        String key = Base64.getEncoder().encodeToString("herald-test-key!".getBytes(StandardCharsets.US_ASCII));
        String path = uri.getRawPath() + (uri.getRawQuery() == null ? "" : "?" + uri.getRawQuery());
        client.out.write(("GET " + path + " HTTP/1.1\r\nHost: " + uri.getHost() + ":" + uri.getPort()
                + "\r\nUpgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Key: " + key
                + "\r\nSec-WebSocket-Version: 13\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
        client.out.flush();
        String status = client.line();
        if (!status.contains(" 101 ")) {
            throw new IOException("Upgrade refused: " + status);
        }
        while (!client.line().isEmpty()) {
            // headers
        }
        return client;
    }

    /** Reads one server frame's text (or "close:<code>" for a close frame). */
    public String next() throws IOException {
        int first = in.readUnsignedByte();
        int second = in.readUnsignedByte();
        long length = second & 0x7f;
        if (length == 126) {
            length = in.readUnsignedShort();
        } else if (length == 127) {
            length = in.readLong();
        }
        byte[] payload = new byte[(int) length];
        in.readFully(payload);
        if ((first & 0x0f) == 0x8) {
            return "close:" + (payload.length >= 2 ? ((payload[0] & 0xff) << 8 | (payload[1] & 0xff)) : 1005);
        }
        return new String(payload, StandardCharsets.UTF_8);
    }

    /**
     * Starts one unfragmented text frame announcing {@code size} bytes and sends only its first {@code sent} bytes
     * ({@code prefix}, then 'x'): a server that waits for whole frames before looking at them never answers.
     */
    public void startFrame(String prefix, long size, long sent) {
        sendOneFrame(prefix, size, sent);
    }

    /**
     * Sends one unfragmented text frame of {@code size} bytes, streaming the payload ({@code prefix} followed by 'x')
     * and stopping when the server no longer takes it.
     */
    public void sendOneFrame(String prefix, long size) {
        sendOneFrame(prefix, size, size);
    }

    private void sendOneFrame(String prefix, long size, long sent) {
        try {
            out.write(0x81);
            out.write(0x80 | 127);
            for (int shift = 56; shift >= 0; shift -= 8) {
                out.write((int) (size >>> shift) & 0xff);
            }
            out.write(new byte[4]);   // a zero mask: the payload goes out as it is
            byte[] head = prefix.getBytes(StandardCharsets.UTF_8);
            out.write(head);
            long written = head.length;
            byte[] chunk = "x".repeat(64 * 1024).getBytes(StandardCharsets.US_ASCII);
            while (written < sent) {
                int n = (int) Math.min(chunk.length, sent - written);
                out.write(chunk, 0, n);
                written += n;
            }
            out.flush();
        } catch (IOException closedByTheServer) {
            // the server stopped reading
        }
    }

    private String line() throws IOException {
        StringBuilder line = new StringBuilder();
        int c;
        while ((c = in.read()) != '\n') {
            if (c < 0) {
                throw new IOException("Closed during the upgrade");
            }
            if (c != '\r') {
                line.append((char) c);
            }
        }
        return line.toString();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
