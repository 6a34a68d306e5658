package io.herald.internal.protocol;

import io.herald.internal.Excerpt;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code application/x-www-form-urlencoded} text, as pusher-js posts it to the authorization endpoints and as Pusher's
 * REST API signs its query strings. A malformed percent-escape is the client's mistake and is reported as such.
 *
 * <pre>{@code
 * FormBody.decode("socket_id=1.2&channel_name=private-a");   // {socket_id=1.2, channel_name=private-a}
 * FormBody.decode("socket_id=1.2%");                          // throws Malformed
 * }</pre>
 */
public final class FormBody {

    /** Text that is not a well-formed form: answer 400 with the message. */
    public static final class Malformed extends Exception {
        private static final long serialVersionUID = 1L;

        Malformed(String message) {
            super(message, null, false, false);
        }
    }

    private FormBody() {
    }

    /** The fields in order; for a name given twice, the first value. A pair without '=' has an empty value. */
    public static Map<String, String> decode(String text) throws Malformed {
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, String> pair : pairs(text)) {
            fields.putIfAbsent(pair.getKey(), pair.getValue());
        }
        return fields;
    }

    /** Every name and value, in order, a name given twice included. */
    public static List<Map.Entry<String, String>> pairs(String text) throws Malformed {
        List<Map.Entry<String, String>> pairs = new ArrayList<>();
        if (text == null || text.isEmpty()) {
            return pairs;
        }
        for (String pair : text.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int equals = pair.indexOf('=');
            String name = equals < 0 ? pair : pair.substring(0, equals);
            String value = equals < 0 ? "" : pair.substring(equals + 1);
            pairs.add(Map.entry(unescape(name), unescape(value)));
        }
        return pairs;
    }

    private static String unescape(String text) throws Malformed {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new Malformed("malformed percent-escape in '" + Excerpt.of(text) + "'");
        }
    }
}
