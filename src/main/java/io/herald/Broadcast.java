package io.herald;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * Marks a CDI event as one to broadcast to the browser.
 *
 * <p>Fire any {@link CanBroadcast} with this qualifier and Herald sends it to the channels it names:
 *
 * <pre>{@code
 * @Inject @Broadcast Event<NewRelease> releases;
 *
 * releases.fire(new NewRelease("4.0.0"));       // delivered before fire() returns
 * releases.fireAsync(new NewRelease("4.0.1"));  // delivered off the caller's thread
 *
 * // or, from an unqualified Event<Object>:
 * events.select(Broadcast.Literal.INSTANCE).fire(new NewRelease("4.0.2"));
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface Broadcast {

    /** The {@code @Broadcast} qualifier as a value, for {@code Event.select(...)}. */
    final class Literal extends AnnotationLiteral<Broadcast> implements Broadcast {
        private static final long serialVersionUID = 1L;

        /** The one instance; the qualifier has no members. */
        public static final Literal INSTANCE = new Literal();

        private Literal() {
        }
    }
}
