package org.originlive.phone;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.smallrye.common.annotation.Identifier;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.faulttolerance.api.Guard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import jakarta.ws.rs.core.MultivaluedHashMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/**
 * Sends one SMS through Africa's Talking and says what became of it. One attempt per call, never
 * repeated here: the provider has no idempotency key, so only an answer that says "not sent"
 * allows another attempt (SmsSender decides).
 */
@ApplicationScoped
public class AfricasTalking {

    static final String ONCE = "sms-once";

    /** What the provider said: SENT, NOT_SENT (try again later), REFUSED (never) or UNKNOWN. */
    enum Verdict {
        SENT,
        NOT_SENT,
        REFUSED
    }

    record Result(Verdict verdict, String detail, String messageId, String cost) {}

    /** Recipient codes: 100 Processed, 101 Sent, 102 Queued; these others may pass later. */
    private static final Set<Integer> ACCEPTED = Set.of(100, 101, 102);

    private static final Set<Integer> TRANSIENT = Set.of(405, 500, 501, 502);

    private static final ObjectMapper JSON = new ObjectMapper();

    private final SmsConfig config;
    private final AfricasTalkingApi api;

    AfricasTalking(SmsConfig config) {
        this.config = config;
        long millis = Math.max(1, config.timeout().toMillis());
        this.api = QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(config.baseUrl()))
                .connectTimeout(millis, TimeUnit.MILLISECONDS)
                .readTimeout(millis, TimeUnit.MILLISECONDS)
                .followRedirects(false)
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(AfricasTalkingApi.class);
    }

    @Produces
    @Singleton
    @Identifier(ONCE)
    static Guard once(SmsConfig config) {
        return Guard.create()
                .withTimeout()
                .duration(Math.max(1, config.timeout().toMillis()), ChronoUnit.MILLIS)
                .done()
                .build();
    }

    /** Fails (timeout, broken connection) when the outcome is unknown. */
    @ApplyGuard(ONCE)
    Uni<Result> send(String phone, String message) {
        if (config.apiKey().isEmpty()) {
            return Uni.createFrom().item(new Result(Verdict.NOT_SENT, "ORIGINLIVE_SMS_API_KEY is not set", null, null));
        }
        MultivaluedHashMap<String, String> form = new MultivaluedHashMap<>();
        form.add("username", config.username());
        form.add("to", phone);
        form.add("message", message);
        config.sender().ifPresent(from -> form.add("from", from));
        return api.send(config.apiKey().get(), form).map(AfricasTalking::result);
    }

    static Result result(Response response) {
        int status = response.getStatus();
        String body = response.readEntity(String.class);
        if (status != 200 && status != 201) {
            // 401 (key), 429 and 5xx were refused as a whole: nothing was sent, so it may be tried again.
            boolean later = status == 401 || status == 429 || status >= 500;
            return new Result(later ? Verdict.NOT_SENT : Verdict.REFUSED, "HTTP " + status, null, null);
        }
        JsonNode recipient = recipient(body);
        if (recipient == null) {
            return new Result(Verdict.NOT_SENT, "no recipient in the answer", null, null);
        }
        int code = recipient.path("statusCode").asInt(-1);
        String detail = code + " " + recipient.path("status").asText("");
        if (ACCEPTED.contains(code)) {
            return new Result(
                    Verdict.SENT,
                    detail,
                    recipient.path("messageId").asText(null),
                    recipient.path("cost").asText(null));
        }
        return new Result(TRANSIENT.contains(code) ? Verdict.NOT_SENT : Verdict.REFUSED, detail, null, null);
    }

    private static JsonNode recipient(String body) {
        try {
            JsonNode recipients = JSON.readTree(body).path("SMSMessageData").path("Recipients");
            return recipients.isArray() && !recipients.isEmpty() ? recipients.get(0) : null;
        } catch (Exception e) {
            return null;
        }
    }
}
