package org.originlive.ratelimit;

import io.quarkus.security.identity.CurrentIdentityAssociation;
import io.quarkus.security.identity.SecurityIdentity;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.lang.reflect.Method;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.originlive.common.Problem;
import org.originlive.common.ProblemException;
import org.originlive.common.ProblemType;

/**
 * Applies {@link RateLimited}. Request filters run before the body is read, so a limited request
 * costs no parsing; account-keyed routes authenticate first (the key is the token's subject) and
 * leave anonymous calls to the endpoint's own 401.
 */
public class RateLimitFilter {

    private static final String DECISION = RateLimitFilter.class.getName() + ".decision";

    private final RateLimiter limiter;
    private final CurrentIdentityAssociation identities;
    private final Map<Method, Optional<Route>> routes = new ConcurrentHashMap<>();

    RateLimitFilter(RateLimiter limiter, CurrentIdentityAssociation identities) {
        this.limiter = limiter;
        this.identities = identities;
    }

    @ServerRequestFilter
    public Uni<Response> limit(ContainerRequestContext context, ResourceInfo resource, HttpServerRequest request) {
        Route route = route(resource);
        if (route == null || !limiter.enabled()) {
            return Uni.createFrom().nullItem();
        }
        if (route.key() == Route.Key.ADDRESS) {
            return decide(context, route, ClientAddress.of(request));
        }
        return identities.getDeferredIdentity().onFailure().recoverWithNull().flatMap(identity -> {
            String subject = subject(identity);
            return subject == null ? Uni.createFrom().nullItem() : decide(context, route, subject);
        });
    }

    @ServerResponseFilter
    public void headers(ContainerRequestContext request, ContainerResponseContext response) {
        // A stricter rule further in (the chat's 20 per 30 s) may have answered with its own headers.
        if (request.getProperty(DECISION) instanceof Decision decision
                && !response.getHeaders().containsKey("RateLimit-Limit")) {
            write(decision, response.getHeaders());
        }
    }

    private Uni<Response> decide(ContainerRequestContext context, Route route, String key) {
        return limiter.take(route, key).map(decision -> answer(context, route, decision));
    }

    private Response answer(ContainerRequestContext context, Route route, Decision decision) {
        context.setProperty(DECISION, decision);
        if (decision.allowed()) {
            return null;
        }
        Problem problem = new ProblemException(
                        ProblemType.RATE_LIMITED,
                        "Too many " + route.tag() + " requests; retry in " + decision.retryAfterSeconds() + " s")
                .toProblem();
        Response response =
                Response.status(429).type(Problem.MEDIA_TYPE).entity(problem).build();
        write(decision, response.getHeaders());
        return response;
    }

    private void write(Decision decision, MultivaluedMap<String, Object> headers) {
        headers.putSingle("RateLimit-Limit", decision.limit());
        headers.putSingle("RateLimit-Remaining", decision.remaining());
        headers.putSingle("RateLimit-Reset", decision.resetSeconds());
        headers.putSingle("RateLimit-Policy", decision.limit() + ";w=" + decision.windowSeconds());
        if (!decision.allowed()) {
            headers.putSingle("Retry-After", decision.retryAfterSeconds());
        }
    }

    private Route route(ResourceInfo resource) {
        Method method = resource.getResourceMethod();
        if (method == null) {
            return null;
        }
        return routes.computeIfAbsent(method, m -> Optional.ofNullable(m.getAnnotation(RateLimited.class))
                        .map(RateLimited::value))
                .orElse(null);
    }

    private static String subject(SecurityIdentity identity) {
        if (identity == null || identity.isAnonymous()) {
            return null;
        }
        return identity.getPrincipal() instanceof JsonWebToken jwt && jwt.getSubject() != null
                ? jwt.getSubject()
                : identity.getPrincipal().getName();
    }
}
