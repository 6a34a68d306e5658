package io.herald.internal.auth;

import io.herald.internal.config.HeraldSettings;

/** {@code broadcast.auth.*}: where the endpoints are, and the default policy. */
public record AuthSettings(String channelPath, String userPath, boolean allowAnonymous) {
    static final String DEFAULT_CHANNEL_PATH = "broadcasting/authorize";
    static final String DEFAULT_USER_PATH = "broadcasting/user-auth";

    static AuthSettings from(HeraldSettings settings) {
        return new AuthSettings(
                trimSlashes(settings.value("broadcast.auth.path", DEFAULT_CHANNEL_PATH)),
                trimSlashes(settings.value("broadcast.auth.user-path", DEFAULT_USER_PATH)),
                settings.flag("broadcast.auth.allow-anonymous", false));
    }

    public static String trimSlashes(String path) {
        int from = 0;
        int to = path.length();
        while (from < to && path.charAt(from) == '/') {
            from++;
        }
        while (to > from && path.charAt(to - 1) == '/') {
            to--;
        }
        return path.substring(from, to);
    }
}
