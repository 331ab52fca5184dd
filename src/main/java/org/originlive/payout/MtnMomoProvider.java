package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.Map;
import java.util.UUID;
import org.originlive.common.ProblemException;

/**
 * MTN MoMo Disbursement: {@code POST /disbursement/v1_0/transfer} with our reference as
 * {@code X-Reference-Id} (202 = accepted, 409 = it already has this reference), then
 * {@code GET /disbursement/v1_0/transfer/{reference}} for the status. MoMo callbacks are not
 * signed, so each one is confirmed with that status query.
 */
@ApplicationScoped
public class MtnMomoProvider implements PayoutProvider {

    private final ProviderHttp http;
    private final PayoutConfig config;
    private final PayoutConfig.MtnMomo momo;
    private final ProviderHttp.Token token = new ProviderHttp.Token();

    MtnMomoProvider(ProviderHttp http, PayoutConfig config) {
        this.http = http;
        this.config = config;
        this.momo = config.mtnMomo();
    }

    @Override
    public Provider name() {
        return Provider.MTN_MOMO;
    }

    @Override
    public Uni<Answer> send(Transfer transfer) {
        JsonObject body = new JsonObject()
                .put("amount", Fx.major(transfer.amountMinor(), transfer.currency()))
                .put("currency", transfer.currency().getCurrencyCode())
                .put("externalId", transfer.reference().toString())
                .put(
                        "payee",
                        new JsonObject()
                                .put("partyIdType", "MSISDN")
                                .put("partyId", transfer.accountNumber().substring(1)))
                .put("payerMessage", "Origin Live payout")
                .put("payeeNote", "Origin Live payout " + transfer.reference());
        return accessToken()
                .flatMap(bearer -> http.request(HttpMethod.POST, momo.baseUrl() + "/disbursement/v1_0/transfer")
                        .putHeader("Authorization", "Bearer " + bearer)
                        .putHeader("X-Reference-Id", transfer.reference().toString())
                        .putHeader("X-Target-Environment", momo.targetEnvironment())
                        .putHeader(
                                "Ocp-Apim-Subscription-Key",
                                momo.subscriptionKey().orElse(""))
                        .putHeader("X-Callback-Url", callbackUrl(transfer.reference()))
                        .sendJsonObject(body))
                .map(response -> switch (response.statusCode()) {
                    case 202, 409 -> Answer.of(Outcome.ACCEPTED);
                    case 401 -> unauthorised();
                    default -> response.statusCode() >= 400 && response.statusCode() < 500
                            ? new Answer(Outcome.FAILED, "REJECTED_" + response.statusCode())
                            : Answer.of(Outcome.UNKNOWN);
                })
                .onFailure()
                .recoverWithItem(e -> unknown("transfer", transfer, e));
    }

    @Override
    public Uni<Answer> status(Transfer transfer) {
        return accessToken()
                .flatMap(bearer -> http.request(
                                HttpMethod.GET, momo.baseUrl() + "/disbursement/v1_0/transfer/" + transfer.reference())
                        .putHeader("Authorization", "Bearer " + bearer)
                        .putHeader("X-Target-Environment", momo.targetEnvironment())
                        .putHeader(
                                "Ocp-Apim-Subscription-Key",
                                momo.subscriptionKey().orElse(""))
                        .send())
                .map(response -> {
                    if (response.statusCode() == 404) {
                        return Answer.of(Outcome.NOT_FOUND);
                    }
                    JsonObject body = ProviderHttp.json(response);
                    if (response.statusCode() != 200 || body == null) {
                        return response.statusCode() == 401 ? unauthorised() : Answer.of(Outcome.UNKNOWN);
                    }
                    return answer(transfer, body);
                })
                .onFailure()
                .recoverWithItem(e -> unknown("status", transfer, e));
    }

    @Override
    public Claim read(Map<String, String> query, JsonNode body) {
        String reference = query.getOrDefault("payout", body == null ? null : text(body, "externalId"));
        try {
            String amount = body == null || body.get("amount") == null
                    ? null
                    : body.get("amount").asText();
            return new Claim(UUID.fromString(reference), amount, false, null);
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("An MTN MoMo callback names its payout in ?payout= or externalId");
        }
    }

    private static Answer answer(Transfer transfer, JsonObject body) {
        String status = body.getString("status", "");
        Long amount = body.getValue("amount") == null
                ? null
                : Fx.minor(String.valueOf(body.getValue("amount")), transfer.currency());
        if ("SUCCESSFUL".equals(status)) {
            if (amount == null || amount != transfer.amountMinor()) {
                Log.errorf("MTN MoMo reports %s paid with amount %s; left in doubt", transfer.reference(), amount);
                return Answer.of(Outcome.UNKNOWN);
            }
            return new Answer(Outcome.SUCCEEDED, body.getString("financialTransactionId"));
        }
        if ("FAILED".equals(status)) {
            Object reason = body.getValue("reason");
            String text =
                    reason instanceof JsonObject r ? r.getString("code") : reason == null ? null : reason.toString();
            return new Answer(Outcome.FAILED, text == null ? "FAILED" : text);
        }
        return Answer.of("PENDING".equals(status) ? Outcome.PENDING : Outcome.UNKNOWN);
    }

    private Uni<String> accessToken() {
        return token.get(() -> http.request(HttpMethod.POST, momo.baseUrl() + "/disbursement/token/")
                .putHeader(
                        "Authorization",
                        ProviderHttp.basic(
                                momo.apiUser().orElse(""), momo.apiKey().orElse("")))
                .putHeader("Ocp-Apim-Subscription-Key", momo.subscriptionKey().orElse(""))
                .send()
                .map(response -> {
                    JsonObject body = ProviderHttp.json(response);
                    if (response.statusCode() != 200 || body == null) {
                        throw new IllegalStateException("token call answered " + response.statusCode());
                    }
                    return body;
                }));
    }

    private Answer unauthorised() {
        token.forget();
        return Answer.of(Outcome.UNKNOWN);
    }

    private String callbackUrl(UUID reference) {
        return config.callbackBaseUrl() + "/api/payouts/callbacks/MTN_MOMO?payout=" + reference;
    }

    private static Answer unknown(String call, Transfer transfer, Throwable e) {
        Log.warnf("MTN MoMo %s for payout %s: %s", call, transfer.reference(), e.toString());
        return Answer.of(Outcome.UNKNOWN);
    }

    private static String text(JsonNode body, String field) {
        JsonNode node = body.get(field);
        return node == null || !node.isTextual() ? null : node.asText();
    }
}
