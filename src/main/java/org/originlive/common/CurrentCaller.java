package org.originlive.common;

import jakarta.enterprise.context.RequestScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.jwt.JsonWebToken;

/**
 * The caller of the current HTTP request, built on first use from its verified token only.
 * Resources inject {@link Caller}; the token is read when a service first asks, which on a secured
 * endpoint is after the security check has resolved it. Public endpoints that may or may not have
 * a token resolve it without blocking instead ({@link Caller#ofIdentity}); WebSocket endpoints
 * have no HTTP request scope and never inject it.
 */
@Singleton
class CurrentCaller {

    @Produces
    @RequestScoped
    Caller caller(JsonWebToken jwt) {
        return Caller.of(jwt);
    }
}
