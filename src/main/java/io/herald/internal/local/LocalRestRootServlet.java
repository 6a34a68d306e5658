package io.herald.internal.local;

import io.herald.internal.protocol.PusherProtocol;
import jakarta.servlet.http.HttpServlet;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;

/**
 * Pusher's HTTP API at {@code /apps/...} of the web application's root, where Pusher's server libraries for PHP,
 * Python, Ruby and Go put it (they take a host, not a path). Registered by {@link LocalRestRootInitializer} when a
 * {@code local} connection sets {@code rest-api-at-root=true}; serves only such connections' apps.
 */
public final class LocalRestRootServlet extends HttpServlet {
    private static final long serialVersionUID = 1L;
    /** Where the servlet is mapped. */
    public static final String MAPPING = "/apps/*";

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        serve("GET", request, response, new byte[0]);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        // One byte past the limit is enough to refuse the body (413) without reading what follows.
        serve("POST", request, response, request.getInputStream().readNBytes(PusherProtocol.MAX_REST_BODY_BYTES + 1));
    }

    private static void serve(String method, HttpServletRequest request, HttpServletResponse response, byte[] body)
            throws IOException {
        String path = request.getServletPath() + (request.getPathInfo() == null ? "" : request.getPathInfo());
        LocalRestApi.Answer answer = new LocalRestApi(LocalServer.current(), Clock.systemUTC(), true)
                .serve(method, path, request.getQueryString(), body);
        response.setStatus(answer.status());
        if (answer.retryAfterSeconds() > 0) {
            response.setIntHeader("Retry-After", answer.retryAfterSeconds());
        }
        response.setContentType(answer.mediaType() + ";charset=utf-8");
        response.getOutputStream().write(answer.body().getBytes(StandardCharsets.UTF_8));
    }
}
