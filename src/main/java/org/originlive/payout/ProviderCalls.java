package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.oidc.client.OidcClientException;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.Guard;
import io.vertx.core.http.HttpClosedException;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * How provider calls are made: REST clients at the configured base URLs, and the SmallRye Fault
 * Tolerance guards their methods carry ({@code @ApplyGuard}). Each guard is a {@code @Timeout} of
 * {@code originlive.payouts.timeout} plus, where a repeat is safe, a {@code @Retry}; they are built
 * here rather than written as annotations because the timeout is a duration setting read at run
 * time, which annotation values cannot take. A timed-out call is never repeated: the provider may
 * still act on it, and the poller asks about it later (PayoutDispatcher).
 */
@Singleton
class ProviderCalls {

    /** One attempt: a repeat could pay twice (Daraja B2C has no idempotency key). */
    static final String ONCE = "payout-once";

    /** Repeated only when the request cannot have reached the provider: no connection, or no token. */
    static final String UNSENT = "payout-unsent";

    /** Repeated on network failures: asking again (a status query, a token) changes nothing. */
    static final String ASK = "payout-ask";

    private static final ObjectMapper JSON = new ObjectMapper();

    @Produces
    @Singleton
    @Identifier(ONCE)
    static Guard once(PayoutConfig config) {
        return timed(config).build();
    }

    @Produces
    @Singleton
    @Identifier(UNSENT)
    static Guard unsent(PayoutConfig config) {
        return retried(config, List.of(ConnectException.class, OidcClientException.class));
    }

    @Produces
    @Singleton
    @Identifier(ASK)
    static Guard ask(PayoutConfig config) {
        return retried(config, List.of(IOException.class, HttpClosedException.class, OidcClientException.class));
    }

    /** A REST client for one provider, with the limits the hand-written client had. */
    static <T> T client(Class<T> api, String baseUrl, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                // Every status comes back as a Response: the adapters map 4xx and 5xx themselves.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(api);
    }

    /** The body as a JSON object, or null when it is none (whatever its content type says). */
    static JsonNode json(Response response) {
        try {
            JsonNode body = JSON.readTree(response.readEntity(String.class));
            return body != null && body.isObject() ? body : null;
        } catch (IOException | RuntimeException e) {
            return null;
        }
    }

    private static Guard.Builder timed(PayoutConfig config) {
        return Guard.create()
                .withTimeout()
                .duration(Math.max(1, config.timeout().toMillis()), ChronoUnit.MILLIS)
                .done();
    }

    private static Guard retried(PayoutConfig config, List<Class<? extends Throwable>> on) {
        return timed(config)
                .withRetry()
                .maxRetries(2)
                .delay(200, ChronoUnit.MILLIS)
                .jitter(50, ChronoUnit.MILLIS)
                .retryOn(on)
                .done()
                .build();
    }
}
