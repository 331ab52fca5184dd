package org.originlive.payout;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.logging.Log;
import io.smallrye.mutiny.Uni;
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

    private final MomoClient momo;

    MtnMomoProvider(MomoClient momo) {
        this.momo = momo;
    }

    @Override
    public Provider name() {
        return Provider.MTN_MOMO;
    }

    @Override
    public Uni<Answer> send(Transfer transfer) {
        return momo.transfer(transfer)
                .map(response -> switch (response.getStatus()) {
                    case 202, 409 -> Answer.of(Outcome.ACCEPTED);
                    case 401 -> Answer.of(Outcome.UNKNOWN); // token refused: the OIDC filter gets a new one next time
                    default -> response.getStatus() >= 400 && response.getStatus() < 500
                            ? new Answer(Outcome.FAILED, "REJECTED_" + response.getStatus())
                            : Answer.of(Outcome.UNKNOWN);
                })
                .onFailure()
                .recoverWithItem(e -> unknown("transfer", transfer, e));
    }

    @Override
    public Uni<Answer> status(Transfer transfer) {
        return momo.status(transfer)
                .map(response -> {
                    if (response.getStatus() == 404) {
                        return Answer.of(Outcome.NOT_FOUND);
                    }
                    JsonNode body = ProviderCalls.json(response);
                    if (response.getStatus() != 200 || body == null) {
                        return Answer.of(Outcome.UNKNOWN);
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

    private static Answer answer(Transfer transfer, JsonNode body) {
        String status = body.path("status").asText("");
        JsonNode amountNode = body.path("amount");
        Long amount = amountNode.isMissingNode() || amountNode.isNull()
                ? null
                : Fx.minor(amountNode.asText(), transfer.currency());
        if ("SUCCESSFUL".equals(status)) {
            if (amount == null || amount != transfer.amountMinor()) {
                Log.errorf("MTN MoMo reports %s paid with amount %s; left in doubt", transfer.reference(), amount);
                return Answer.of(Outcome.UNKNOWN);
            }
            return new Answer(
                    Outcome.SUCCEEDED, body.path("financialTransactionId").asText(null));
        }
        if ("FAILED".equals(status)) {
            JsonNode reason = body.path("reason");
            String text = reason.isObject() ? reason.path("code").asText(null) : reason.asText(null);
            return new Answer(Outcome.FAILED, text == null ? "FAILED" : text);
        }
        return Answer.of("PENDING".equals(status) ? Outcome.PENDING : Outcome.UNKNOWN);
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
