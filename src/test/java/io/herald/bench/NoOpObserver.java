package io.herald.bench;

import io.herald.engine.Tick;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.event.ObservesAsync;
import jakarta.enterprise.util.AnnotationLiteral;
import jakarta.inject.Qualifier;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;

/** The benchmark's baseline: observers that do nothing, so that only the container's dispatch is timed. */
@ApplicationScoped
public class NoOpObserver {
    static final AnnotationLiteral<NoOp> QUALIFIER = new AnnotationLiteral<>() {
    };

    @Qualifier
    @Retention(RetentionPolicy.RUNTIME)
    public @interface NoOp {
    }

    void onFire(@Observes @NoOp Tick tick) {
    }

    void onFireAsync(@ObservesAsync @NoOp Tick tick) {
    }
}
