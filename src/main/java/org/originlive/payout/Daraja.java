package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.smallrye.faulttolerance.api.ApplyGuard;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** Daraja's HTTP side: one guarded REST call per method (MpesaProvider holds the token between calls). */
@ApplicationScoped
public class Daraja {

    private final PayoutConfig.Mpesa mpesa;
    private final DarajaApi api;

    Daraja(PayoutConfig config) {
        this.mpesa = config.mpesa();
        this.api = ProviderCalls.client(DarajaApi.class, mpesa.baseUrl(), config.timeout());
    }

    /** A new access token's JSON ({@code access_token}, {@code expires_in}); asking again is safe. */
    @ApplyGuard(ProviderCalls.ASK)
    Uni<JsonNode> token() {
        if (mpesa.consumerKey().isEmpty() || mpesa.consumerSecret().isEmpty()) {
            return Uni.createFrom()
                    .failure(new IllegalStateException("M-Pesa is not configured"
                            + " (ORIGINLIVE_PAYOUTS_MPESA_CONSUMER_KEY, ORIGINLIVE_PAYOUTS_MPESA_CONSUMER_SECRET)"));
        }
        String credentials =
                mpesa.consumerKey().get() + ":" + mpesa.consumerSecret().get();
        String basic = "Basic " + Base64.getEncoder().encodeToString(credentials.getBytes(StandardCharsets.UTF_8));
        return api.token(basic).map(response -> {
            JsonNode body = ProviderCalls.json(response);
            if (response.getStatus() != 200 || body == null) {
                throw new IllegalStateException("token call answered " + response.getStatus());
            }
            return body;
        });
    }

    /** The B2C payment request, sent once: Daraja has no idempotency key, a repeat could pay twice. */
    @ApplyGuard(ProviderCalls.ONCE)
    Uni<Response> pay(String token, JsonNode body) {
        return api.pay("Bearer " + token, body);
    }

    /** A Transaction Status query (its result comes back to the result URL); asking again is safe. */
    @ApplyGuard(ProviderCalls.ASK)
    Uni<Response> query(String token, JsonNode body) {
        return api.query("Bearer " + token, body);
    }
}
