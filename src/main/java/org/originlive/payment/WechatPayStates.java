package org.originlive.payment;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.OffsetDateTime;
import org.originlive.payment.PaymentGateway.GatewayException;
import org.originlive.payment.PaymentGateway.RefundState;
import org.originlive.payment.PaymentGateway.RefundStatus;
import org.originlive.payment.PaymentGateway.TradeState;
import org.originlive.payment.PaymentGateway.TradeStatus;

/**
 * WeChat Pay's words for trades and refunds, in ours. Trades: SUCCESS → PAID; NOTPAY, USERPAYING,
 * ACCEPT → NOT_PAID; CLOSED, REVOKED, PAYERROR → CLOSED; REFUND → REFUNDED. Refunds: SUCCESS →
 * SUCCEEDED; PROCESSING → PROCESSING; ABNORMAL, CLOSED (global: REFUNDCLOSE, CHANGE) → FAILED.
 * A word it does not know is a {@link GatewayException}, never a guess.
 */
final class WechatPayStates {

    private WechatPayStates() {}

    /** A transaction (query answer or decrypted notification); paid ones carry id, amount and time. */
    static TradeState trade(JsonNode transaction) {
        String state = transaction.path("trade_state").asText("");
        TradeStatus status =
                switch (state) {
                    case "SUCCESS" -> TradeStatus.PAID;
                    case "REFUND" -> TradeStatus.REFUNDED;
                    case "NOTPAY", "USERPAYING", "ACCEPT" -> TradeStatus.NOT_PAID;
                    case "CLOSED", "REVOKED", "PAYERROR" -> TradeStatus.CLOSED;
                    default -> throw unknown("trade_state", state);
                };
        if (status != TradeStatus.PAID && status != TradeStatus.REFUNDED) {
            return TradeState.of(status);
        }
        JsonNode amount = transaction.path("amount");
        return new TradeState(
                status,
                transaction.path("transaction_id").asText(null),
                amount.path("total").asLong(),
                amount.path("currency").asText("CNY"),
                time(transaction.path("success_time").asText(null)));
    }

    static RefundState refund(String status, String refundId) {
        RefundStatus ours =
                switch (status == null ? "" : status) {
                    case "SUCCESS" -> RefundStatus.SUCCEEDED;
                    case "PROCESSING" -> RefundStatus.PROCESSING;
                    case "ABNORMAL", "CLOSED", "REFUNDCLOSE", "CHANGE" -> RefundStatus.FAILED;
                    default -> throw unknown("refund status", status);
                };
        return new RefundState(ours, refundId);
    }

    /** An RFC 3339 time (2018-06-08T10:34:56+08:00), or null. */
    static Instant time(String rfc3339) {
        return rfc3339 == null || rfc3339.isBlank()
                ? null
                : OffsetDateTime.parse(rfc3339).toInstant();
    }

    private static GatewayException unknown(String what, String value) {
        return new GatewayException("UNKNOWN_STATE", "WeChat Pay " + what + " " + value + " is not known", false, null);
    }
}
