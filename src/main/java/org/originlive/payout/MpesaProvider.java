package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;
import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
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

    private final Daraja daraja;
    private final PayoutConfig config;
    private final PayoutConfig.Mpesa mpesa;
    private final DarajaToken accessToken;

    MpesaProvider(Daraja daraja, PayoutConfig config) {
        this.daraja = daraja;
        this.config = config;
        this.mpesa = config.mpesa();
        this.accessToken = new DarajaToken(daraja::token);
    }

    @Override
    public Provider name() {
        return Provider.MPESA;
    }

    @Override
    public Uni<Answer> send(Transfer transfer) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
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
        return withToken(bearer -> daraja.pay(bearer, body))
                .map(response -> {
                    int code = response.getStatus();
                    JsonNode answer = ProviderCalls.json(response);
                    if (code == 200
                            && answer != null
                            && "0".equals(answer.path("ResponseCode").asText())) {
                        return Answer.of(Outcome.ACCEPTED);
                    }
                    if (code >= 400 && code < 500 && code != 401 && code != 429) {
                        String reason =
                                answer == null ? null : answer.path("errorCode").asText(null);
                        return new Answer(Outcome.FAILED, reason == null ? "REJECTED_" + code : reason);
                    }
                    return Answer.of(Outcome.UNKNOWN);
                })
                .onFailure()
                .recoverWithItem(e -> unknown("payment request", transfer, e));
    }

    @Override
    public Uni<Answer> status(Transfer transfer) {
        ObjectNode body = JsonNodeFactory.instance
                .objectNode()
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
        return withToken(bearer -> daraja.query(bearer, body))
                .map(response -> response.getStatus() == 200 ? Answer.of(Outcome.PENDING) : Answer.of(Outcome.UNKNOWN))
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

    /** One Daraja call with the current token; a 401 means Daraja no longer takes it. */
    private Uni<Response> withToken(Function<String, Uni<Response>> call) {
        return accessToken.get().flatMap(call::apply).invoke(response -> {
            if (response.getStatus() == 401) {
                accessToken.forget();
            }
        });
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
