package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpMethod;
import io.vertx.core.json.JsonObject;
import jakarta.enterprise.context.ApplicationScoped;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.originlive.common.ProblemException;

/**
 * Safaricom Daraja B2C: {@code POST /mpesa/b2c/v3/paymentrequest} with our reference as
 * {@code OriginatorConversationID}; results arrive at the ResultURL we give. Daraja does not sign
 * results, so each ResultURL carries {@code token} = HMAC-SHA256(consumer secret, payout id): only
 * Safaricom, which received the URL, can call it back. A status query is a Transaction Status
 * request whose result comes back the same way.
 */
@ApplicationScoped
public class MpesaProvider implements PayoutProvider {

    private final ProviderHttp http;
    private final PayoutConfig config;
    private final PayoutConfig.Mpesa mpesa;
    private final ProviderHttp.Token token = new ProviderHttp.Token();

    MpesaProvider(ProviderHttp http, PayoutConfig config) {
        this.http = http;
        this.config = config;
        this.mpesa = config.mpesa();
    }

    @Override
    public Provider name() {
        return Provider.MPESA;
    }

    @Override
    public Uni<Answer> send(Transfer transfer) {
        JsonObject body = new JsonObject()
                .put("OriginatorConversationID", transfer.reference().toString())
                .put("InitiatorName", mpesa.initiatorName().orElse(""))
                .put("SecurityCredential", mpesa.securityCredential().orElse(""))
                .put("CommandID", "BusinessPayment")
                .put("Amount", Fx.major(transfer.amountMinor(), transfer.currency()))
                .put("PartyA", mpesa.shortCode().orElse(""))
                .put("PartyB", transfer.accountNumber().substring(1))
                .put("Remarks", "Origin Live payout")
                .put("QueueTimeOutURL", resultUrl(transfer.reference()) + "&timeout=true")
                .put("ResultURL", resultUrl(transfer.reference()))
                .put("Occasion", transfer.reference().toString());
        return call("/mpesa/b2c/v3/paymentrequest", body)
                .map(response -> {
                    int code = response.statusCode();
                    JsonObject answer = ProviderHttp.json(response);
                    if (code == 200 && answer != null && "0".equals(String.valueOf(answer.getValue("ResponseCode")))) {
                        return Answer.of(Outcome.ACCEPTED);
                    }
                    if (code >= 400 && code < 500 && code != 401 && code != 429) {
                        String reason = answer == null ? null : answer.getString("errorCode");
                        return new Answer(Outcome.FAILED, reason == null ? "REJECTED_" + code : reason);
                    }
                    return Answer.of(Outcome.UNKNOWN);
                })
                .onFailure()
                .recoverWithItem(e -> unknown("payment request", transfer, e));
    }

    @Override
    public Uni<Answer> status(Transfer transfer) {
        JsonObject body = new JsonObject()
                .put("Initiator", mpesa.initiatorName().orElse(""))
                .put("SecurityCredential", mpesa.securityCredential().orElse(""))
                .put("CommandID", "TransactionStatusQuery")
                .put("OriginatorConversationID", transfer.reference().toString())
                .put("PartyA", mpesa.shortCode().orElse(""))
                .put("IdentifierType", "4")
                .put("ResultURL", resultUrl(transfer.reference()))
                .put("QueueTimeOutURL", resultUrl(transfer.reference()) + "&timeout=true")
                .put("Remarks", "Origin Live payout status")
                .put("Occasion", transfer.reference().toString());
        return call("/mpesa/transactionstatus/v1/query", body)
                .map(response -> response.statusCode() == 200 ? Answer.of(Outcome.PENDING) : Answer.of(Outcome.UNKNOWN))
                .onFailure()
                .recoverWithItem(e -> unknown("status query", transfer, e));
    }

    @Override
    public Claim read(Map<String, String> query, JsonNode body) {
        UUID reference;
        try {
            reference = UUID.fromString(query.get("payout"));
        } catch (IllegalArgumentException | NullPointerException e) {
            throw ProblemException.badRequest("An M-Pesa result names its payout in ?payout=");
        }
        String given = query.getOrDefault("token", "");
        if (!MessageDigest.isEqual(
                given.getBytes(StandardCharsets.UTF_8), token(reference).getBytes(StandardCharsets.UTF_8))) {
            throw ProblemException.forbidden("This result URL was not issued by us");
        }
        JsonNode result = body == null ? null : body.get("Result");
        if (result == null || !result.isObject() || "true".equals(query.get("timeout"))) {
            return new Claim(reference, null, true, Answer.of(Outcome.PENDING));
        }
        Map<String, String> parameters = new java.util.HashMap<>();
        JsonNode list = result.path("ResultParameters").path("ResultParameter");
        list.forEach(p -> parameters.put(p.path("Key").asText(), p.path("Value").asText()));
        String amount = parameters.getOrDefault("TransactionAmount", parameters.get("Amount"));
        String transactionId = result.path("TransactionID").asText(null);
        return new Claim(reference, amount, true, outcome(result, parameters, transactionId));
    }

    private static Answer outcome(JsonNode result, Map<String, String> parameters, String transactionId) {
        String code = result.path("ResultCode").asText("");
        if (!"0".equals(code)) {
            return new Answer(Outcome.FAILED, "MPESA_" + code);
        }
        String status = parameters.get("TransactionStatus");
        if (status == null || "Completed".equalsIgnoreCase(status)) {
            return new Answer(Outcome.SUCCEEDED, transactionId);
        }
        return Answer.of(Outcome.PENDING);
    }

    private Uni<io.vertx.mutiny.ext.web.client.HttpResponse<io.vertx.mutiny.core.buffer.Buffer>> call(
            String path, JsonObject body) {
        return accessToken()
                .flatMap(bearer -> http.request(HttpMethod.POST, mpesa.baseUrl() + path)
                        .putHeader("Authorization", "Bearer " + bearer)
                        .sendJsonObject(body))
                .invoke(response -> {
                    if (response.statusCode() == 401) {
                        token.forget();
                    }
                });
    }

    private Uni<String> accessToken() {
        return token.get(
                () -> http.request(HttpMethod.GET, mpesa.baseUrl() + "/oauth/v1/generate?grant_type=client_credentials")
                        .putHeader(
                                "Authorization",
                                ProviderHttp.basic(
                                        mpesa.consumerKey().orElse(""),
                                        mpesa.consumerSecret().orElse("")))
                        .send()
                        .map(response -> {
                            JsonObject body = ProviderHttp.json(response);
                            if (response.statusCode() != 200 || body == null) {
                                throw new IllegalStateException("token call answered " + response.statusCode());
                            }
                            return body;
                        }));
    }

    private String resultUrl(UUID reference) {
        return config.callbackBaseUrl() + "/api/payouts/callbacks/MPESA?payout=" + reference + "&token="
                + token(reference);
    }

    /** HMAC of the payout id under the consumer secret, which every replica and only we hold. */
    String token(UUID reference) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            byte[] key =
                    ("originlive-mpesa-result:" + mpesa.consumerSecret().orElse("")).getBytes(StandardCharsets.UTF_8);
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(reference.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Answer unknown(String call, Transfer transfer, Throwable e) {
        Log.warnf("M-Pesa %s for payout %s: %s", call, transfer.reference(), e.toString());
        return Answer.of(Outcome.UNKNOWN);
    }
}
