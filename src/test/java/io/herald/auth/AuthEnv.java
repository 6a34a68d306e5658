package io.herald.auth;

import io.herald.testing.PusherRestStandIn;
import java.util.HashMap;
import java.util.Map;

/** The configuration the authorization tests run with: Pusher's documented example key and secret. */
final class AuthEnv {
    static final String KEY = PusherRestStandIn.KEY;
    static final String SECRET = PusherRestStandIn.SECRET;
    static final String MASTER_KEY = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";

    private AuthEnv() {
    }

    static Map<String, String> config(String... extra) {
        Map<String, String> config = new HashMap<>();
        config.put("broadcast.pusher.driver", "pusher");
        config.put("broadcast.pusher.app-id", PusherRestStandIn.APP_ID);
        config.put("broadcast.pusher.client", KEY);
        config.put("broadcast.pusher.secret", SECRET);
        config.put("broadcast.pusher.encryption-master-key", MASTER_KEY);
        for (String entry : extra) {
            int equals = entry.indexOf('=');
            config.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return config;
    }
}
