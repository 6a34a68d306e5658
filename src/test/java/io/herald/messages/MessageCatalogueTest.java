package io.herald.messages;

import static org.assertj.core.api.Assertions.assertThat;

import io.herald.internal.HeraldLog;
import io.herald.internal.HeraldMessages;
import io.herald.testing.LogCapture;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every numbered message comes from the catalogue ({@link HeraldMessages} for exceptions, {@link HeraldLog} for log
 * lines), and each number belongs to one message only. What triggers each message is tested where the behaviour is.
 */
class MessageCatalogueTest {
    private static final Pattern CODE = Pattern.compile("^HERALD-(\\d{4}): ");

    private static Object sample(Class<?> type) {
        if (type == String.class || type == Object.class) {
            return "sample";
        }
        if (type == int.class) {
            return 1;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == Class.class) {
            return String.class;
        }
        if (type == List.class) {
            return List.of("broadcast.sample.client|broadcast.sample.key");
        }
        if (type == Throwable.class) {
            return new IllegalStateException("sample cause");
        }
        throw new IllegalArgumentException("no sample for " + type);
    }

    private static List<Method> publicStaticMethods(Class<?> catalogue) {
        return Arrays.stream(catalogue.getDeclaredMethods())
                .filter(m -> Modifier.isPublic(m.getModifiers()) && Modifier.isStatic(m.getModifiers())).toList();
    }

    private static Object[] samples(Method method) {
        return Arrays.stream(method.getParameterTypes()).map(MessageCatalogueTest::sample).toArray();
    }

    private static String code(String text, Method method) {
        Matcher code = CODE.matcher(text);
        assertThat(code.find()).as("%s starts with HERALD-nnnn: but reads %s", method.getName(), text).isTrue();
        return code.group(1);
    }

    @Test
    void everyExceptionMessageHasANumberOfItsOwn() throws Exception {
        Map<String, String> owners = new HashMap<>();
        for (Method method : publicStaticMethods(HeraldMessages.class)) {
            Object made = method.invoke(null, samples(method));
            String text = made instanceof Throwable thrown ? thrown.getMessage() : (String) made;
            String previous = owners.put(code(text, method), method.getName());
            assertThat(previous).as("HERALD-%s of %s is also %s's", code(text, method), method.getName(), previous)
                    .isNull();
        }
        assertThat(owners).isNotEmpty();
    }

    @Test
    void everyLogLineHasANumberOfItsOwnAndNoExceptionNumberIsReused() throws Exception {
        Map<String, String> owners = new HashMap<>();
        for (Method method : publicStaticMethods(HeraldMessages.class)) {
            Object made = method.invoke(null, samples(method));
            owners.put(code(made instanceof Throwable thrown ? thrown.getMessage() : (String) made, method), method.getName());
        }
        Logger logger = Logger.getLogger("io.herald");
        Level level = logger.getLevel();
        logger.setLevel(Level.ALL);
        try {
            for (Method method : publicStaticMethods(HeraldLog.class)) {
                try (LogCapture log = new LogCapture()) {
                    invoke(method);
                    List<String> lines = log.messages(Level.ALL);
                    assertThat(lines).as(method.getName()).isNotEmpty();
                    String code = code(lines.get(0), method);
                    assertThat(lines).allSatisfy(line -> assertThat(code(line, method)).isEqualTo(code));
                    String previous = owners.put(code, method.getName());
                    assertThat(previous).as("HERALD-%s of %s is also %s's", code, method.getName(), previous).isNull();
                }
            }
        } finally {
            logger.setLevel(level);
        }
    }

    private static void invoke(Method method) throws IllegalAccessException {
        try {
            method.invoke(null, samples(method));
        } catch (InvocationTargetException e) {
            throw new AssertionError(method.getName() + " threw", e.getCause());
        }
    }
}
