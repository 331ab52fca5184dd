package org.originlive.payment;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpClosedException;
import jakarta.ws.rs.core.Response;
import java.io.IOException;
import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Supplier;
import org.originlive.payment.PaymentGateway.GatewayException;

/**
 * The HTTP side of WeChat Pay: its REST client at the configured base URL (requests signed by
 * {@link WechatPaySigner}), each call bounded by {@code originlive.payments.timeout}, every answer
 * verified before it is read. Outcomes: a {@link Reply} (any status, signature checked), or a
 * {@link GatewayException} that is {@code unreachable} when the outcome is unknown (timeout,
 * connection failure) and not when the answer could not be verified.
 */
final class WechatPayClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    final WechatPayApi api;
    private final WechatPayVerifier verifier;
    private final Duration timeout;

    WechatPayClient(String baseUrl, WechatPayKeys keys, Clock clock, Duration timeout) {
        long millis = Math.max(1, timeout.toMillis());
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(baseUrl))
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .disableDefaultMapper(true)
                .userAgent("OriginLive (WeChat Pay API v3)")
                .register(new WechatPaySigner(keys, clock))
                .build(WechatPayApi.class);
        this.verifier = new WechatPayVerifier(keys, clock);
        this.timeout = timeout;
    }

    /**
     * WeChat Pay's answer: its status and JSON body (empty for a 204). Success answers are always
     * verified; an error answer is {@code verified} only when it was signed (then its code may be
     * read as a state, such as ORDER_NOT_EXIST).
     */
    record Reply(int status, JsonNode json, boolean verified) {

        boolean ok() {
            return status >= 200 && status < 300;
        }

        String code() {
            return json.path("code").asText("");
        }

        String text(String field) {
            return json.path(field).asText(null);
        }

        /** This error answer as an exception; a 5xx leaves the outcome unknown (unreachable). */
        GatewayException failure() {
            String code = code().isEmpty() ? "HTTP_" + status : code();
            String message = "WeChat Pay answered " + status + " " + code + ": "
                    + json.path("message").asText("");
            return new GatewayException(code, message, status >= 500, null);
        }
    }

    /** One attempt: for calls that move money or open trades, never repeated here. */
    Uni<Reply> once(Supplier<Uni<Response>> call) {
        return Uni.createFrom()
                .<Response>deferred(call::get)
                .ifNoItem()
                .after(timeout)
                .failWith(() -> new TimeoutException("no answer within " + timeout))
                .map(this::read)
                .onFailure(e -> !(e instanceof GatewayException))
                .transform(WechatPayClient::unreachable);
    }

    /** A question (a query): asked twice more when the connection failed before any answer. */
    Uni<Reply> asking(Supplier<Uni<Response>> call) {
        return once(call)
                .onFailure(WechatPayClient::connectionFailed)
                .retry()
                .withBackOff(Duration.ofMillis(200))
                .atMost(2);
    }

    /** The answer, if WeChat Pay signed it; an unsigned error answer is still an error, never a state. */
    private Reply read(Response response) {
        String body = response.hasEntity() ? response.readEntity(String.class) : "";
        body = body == null ? "" : body;
        boolean signed = response.getHeaderString(WechatPayVerifier.SIGNATURE) != null;
        boolean success = response.getStatus() < 300;
        if (signed || success) {
            String rejection = verifier.rejection(response::getHeaderString, body);
            if (rejection != null) {
                throw new GatewayException(
                        "RESPONSE_NOT_VERIFIED",
                        "WeChat Pay's answer (" + response.getStatus() + ") is not verified: " + rejection,
                        false,
                        null);
            }
        }
        return new Reply(response.getStatus(), parse(body, success), signed || success);
    }

    /** The JSON object of the body; an error page that is not JSON reads as an empty object. */
    private static JsonNode parse(String body, boolean strict) {
        try {
            JsonNode json = body.isBlank() ? null : JSON.readTree(body);
            return json != null && json.isObject() ? json : JSON.createObjectNode();
        } catch (IOException e) {
            if (!strict) {
                return JSON.createObjectNode();
            }
            throw new GatewayException("RESPONSE_MALFORMED", "WeChat Pay's answer is not JSON", false, e);
        }
    }

    private static GatewayException unreachable(Throwable e) {
        return new GatewayException("UNREACHABLE", "WeChat Pay could not be reached: " + e, true, e);
    }

    private static boolean connectionFailed(Throwable failure) {
        for (Throwable e = failure.getCause(); e != null; e = e.getCause()) {
            if (e instanceof TimeoutException) {
                return false;
            }
            if (e instanceof IOException || e instanceof HttpClosedException) {
                return true;
            }
        }
        return false;
    }
}
