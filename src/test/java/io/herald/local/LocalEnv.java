package io.herald.local;

import java.util.HashMap;
import java.util.Map;

/** A Herald app on the local driver, as the demo configures one. */
final class LocalEnv {
    static final String APP_ID = "42";
    static final String KEY = "herald-local-key";
    static final String SECRET = "herald-local-secret";
    static final String MASTER_KEY = "zyrm8pvV2C9fJcBfhyXzvxbJVN/H7QLmbe0xJi1GhPU=";

    private LocalEnv() {
    }

    static Map<String, String> config(String... extra) {
        Map<String, String> config = new HashMap<>();
        config.put("broadcast.default", "local");
        config.put("broadcast.local.driver", "local");
        config.put("broadcast.local.app-id", APP_ID);
        config.put("broadcast.local.key", KEY);
        config.put("broadcast.local.secret", SECRET);
        config.put("broadcast.local.client-events", "true");
        config.put("broadcast.local.encryption-master-key", MASTER_KEY);
        config.put("broadcast.private-channels.require-user", "false");
        for (String entry : extra) {
            int equals = entry.indexOf('=');
            config.put(entry.substring(0, equals), entry.substring(equals + 1));
        }
        return config;
    }
}
