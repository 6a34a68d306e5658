package io.herald.events;

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
 * Narrows a {@link ChannelEvent} observer to one connection; an observer without it sees every connection's.
 *
 * <pre>{@code
 * void joined(@Observes @OnConnection("local") MemberAdded added) { ... }
 * }</pre>
 */
@Qualifier
@Documented
@Retention(RUNTIME)
@Target({TYPE, METHOD, FIELD, PARAMETER})
public @interface OnConnection {

    /**
     * The connection's name ({@code broadcast.<name>.*}).
     *
     * @return the name
     */
    String value();

    /** The qualifier as a value, for {@code Event.select(...)}. */
    final class Literal extends AnnotationLiteral<OnConnection> implements OnConnection {
        private static final long serialVersionUID = 1L;
        /** The connection's name. */
        private final String value;

        private Literal(String value) {
            this.value = value;
        }

        /**
         * {@code @OnConnection(connection)}.
         *
         * @param connection the connection's name
         * @return the qualifier
         */
        public static Literal of(String connection) {
            return new Literal(connection);
        }

        @Override
        public String value() {
            return value;
        }
    }
}
