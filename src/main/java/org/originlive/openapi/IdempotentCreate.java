package org.originlive.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Documents an idempotent create: 201 with what was made, or 200 with the very same thing when
 * the same {@code Idempotency-Key} comes again with the same body. SmallRye cannot fill a custom
 * annotation's values into responses, so {@link IdempotentCreateResponses} writes both into the
 * document; they replace any 200 or 201 the method declares itself.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface IdempotentCreate {

    /** The body of both answers. */
    Class<?> value();

    /** The 201's description: what the first request made. */
    String created();

    /** The 200's description: what a repeat of the same key and body gets. */
    String replayed();
}
