package io.herald.internal.config;

/**
 * {@code broadcast.auth.*}: where the authorization endpoints are, and the default policy.
 *
 * <pre>{@code
 * AuthSettings auth = HeraldSettings.fromMicroProfileConfig().auth();
 * auth.channelPath();       // broadcasting/authorize unless broadcast.auth.path says otherwise
 * }</pre>
 *
 * @param channelPath {@code broadcast.auth.path}, relative to the JAX-RS application path
 * @param userPath {@code broadcast.auth.user-path}
 * @param allowAnonymous {@code broadcast.auth.allow-anonymous}: whether the default policy admits anonymous users
 */
public record AuthSettings(String channelPath, String userPath, boolean allowAnonymous) {
    /** Where the channel authorization endpoint is unless configured. */
    public static final String DEFAULT_CHANNEL_PATH = "broadcasting/authorize";
    /** Where the user sign-in endpoint is unless configured. */
    public static final String DEFAULT_USER_PATH = "broadcasting/user-auth";

    static AuthSettings from(HeraldSettings settings) {
        return new AuthSettings(
                trimSlashes(settings.value("broadcast.auth.path", DEFAULT_CHANNEL_PATH)),
                trimSlashes(settings.value("broadcast.auth.user-path", DEFAULT_USER_PATH)),
                settings.flag("broadcast.auth.allow-anonymous", false));
    }

    /** {@code path} without leading and trailing slashes. */
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
