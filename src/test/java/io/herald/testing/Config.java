package io.herald.testing;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * MicroProfile Config entries for one test class or method, {@code "key=value"} each; a method's entries win over
 * its class's, and both over {@link HeraldTestExtension}'s defaults. A key given {@code "key="} is removed.
 *
 * <pre>{@code
 * @Config("broadcast.private-channels.require-user=false")
 * }</pre>
 */
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD})
public @interface Config {
    String[] value();
}
