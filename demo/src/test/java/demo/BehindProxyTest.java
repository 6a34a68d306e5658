package demo;

import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * {@code docs/behind-a-proxy.md}'s recipe, run: nginx terminating TLS in front of two demo instances on one Redis
 * (a load-balanced cluster). pusher-js in Node and pages in headless Chromium connect over {@code wss} through it,
 * authorize private and presence channels and receive events; the Node {@code pusher} library publishes through it.
 */
class BehindProxyTest {
    private static DemoCluster cluster;
    private static Nginx proxy;

    @BeforeAll
    static void start() throws Exception {
        cluster = DemoCluster.start(2);
        proxy = Nginx.start(cluster.ports());
    }

    @AfterAll
    static void stop() throws Exception {
        if (proxy != null) {
            proxy.close();
        }
        if (cluster != null) {
            cluster.close();
        }
    }

    @Test
    void pusherJsInNodeAndTheNodePusherLibraryWorkThroughTheProxy() throws Exception {
        BrowserTestRun.assertPasses("test/behind-proxy.test.mjs", 2, Map.of(
                "PROXY_URL", proxy.url(),
                "NODE_EXTRA_CA_CERTS", proxy.certificate().toString(),
                "HERALD_APP_ID", "1001", "HERALD_KEY", "herald-demo-key",
                "HERALD_SECRET", "herald-demo-secret-change-me"));
    }

    // The cluster's page test with both pages on the proxy: their connections are spread over the two instances.
    @Test
    void pagesInChromiumWorkThroughTheProxy() throws Exception {
        BrowserTestRun.assertPasses("test/demo-cluster.test.mjs", 3, Map.of(
                "DEMO_URL_A", proxy.url(), "DEMO_URL_B", proxy.url(), "DEMO_TRUSTED_CERTIFICATE", "self-signed"));
    }
}
