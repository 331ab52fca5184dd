package org.originlive.payment;

import io.smallrye.mutiny.Uni;
import java.time.Instant;
import java.util.Map;
import java.util.Set;

/**
 * One provider's protocol: opening, asking about and closing a trade, refunds, and reading its
 * notifications. Stateless: the payment is stored before any call, and every call is keyed by
 * our own numbers (out_trade_no, out_refund_no), so a repeated call never moves money twice.
 * Calls that block (an SDK) run on worker threads; the returned Uni never blocks an event loop.
 * Failures: {@link GatewayException} (the provider answered an error, or could not be reached).
 */
public interface PaymentGateway {

    Provider provider();

    /** False when its settings are missing: payments with it answer 422 provider-unavailable. */
    boolean configured();

    Set<Channel> channels();

    /** Opens the provider's trade; what the buyer's client does next. */
    Uni<Action> open(Trade trade);

    /** What the provider says of the trade now (a trade it never saw is NOT_PAID). */
    Uni<TradeState> query(String outTradeNo);

    /**
     * Closes an unpaid trade. The item is the trade's state after it: CLOSED, or PAID when the
     * buyer paid meanwhile (then nothing was closed).
     */
    Uni<TradeState> close(String outTradeNo);

    /** Asks for money back; the same {@code outRefundNo} again never refunds twice. */
    Uni<RefundState> refund(RefundOrder refund);

    Uni<RefundState> queryRefund(String outTradeNo, String outRefundNo);

    /**
     * Verifies a notification exactly as received (signature, timestamp window, merchant/app id)
     * and reads it; pure computation, no I/O. Amount and currency are checked by the caller
     * against its own record.
     *
     * @throws NoticeRejected when it is not a verified message of this provider
     */
    Notice verify(Map<String, String> headers, String body);

    /** The answer the provider expects to a notification, in its own format. */
    Answer answer(boolean accepted, String reason);

    /** A trade to open: amounts in minor units of {@code currency} (CNY fen). */
    record Trade(
            String outTradeNo,
            Channel channel,
            long amountMinor,
            String currency,
            String description,
            Instant expiresAt,
            String notifyUrl,
            String payerOpenId,
            String clientIp) {}

    /** {@code QR} with codeUrl, {@code REDIRECT} with a plain GET url, or {@code JSAPI} with params. */
    record Action(String type, String codeUrl, String url, Map<String, String> params) {

        public static Action qr(String codeUrl) {
            return new Action("QR", codeUrl, null, null);
        }

        public static Action redirect(String url) {
            return new Action("REDIRECT", null, url, null);
        }

        public static Action jsapi(Map<String, String> params) {
            return new Action("JSAPI", null, null, params);
        }
    }

    enum TradeStatus {
        /** Paid: transactionId, amount and currency are the provider's. */
        PAID,
        /** Open and unpaid, or never seen by the provider. */
        NOT_PAID,
        CLOSED,
        /** Paid and since refunded at the provider. */
        REFUNDED
    }

    record TradeState(TradeStatus status, String transactionId, long amountMinor, String currency, Instant paidAt) {

        public static TradeState of(TradeStatus status) {
            return new TradeState(status, null, 0, null, null);
        }
    }

    record RefundOrder(
            String outTradeNo,
            String outRefundNo,
            long refundMinor,
            long totalMinor,
            String currency,
            String reason,
            String notifyUrl) {}

    enum RefundStatus {
        PROCESSING,
        SUCCEEDED,
        FAILED
    }

    /**
     * A refund's state at the provider. {@code amountMinor} is what a notification says was
     * refunded (null when the message does not say): this refund's amount, or with {@code
     * cumulative} the trade's total refunded so far (Alipay's {@code refund_fee}).
     */
    record RefundState(RefundStatus status, String providerRefundId, Long amountMinor, boolean cumulative) {

        public RefundState(RefundStatus status, String providerRefundId) {
            this(status, providerRefundId, null, false);
        }

        /** False when the message names an amount that cannot be this refund of {@code refundMinor}. */
        public boolean fits(long refundMinor) {
            return amountMinor == null || (cumulative ? amountMinor >= refundMinor : amountMinor == refundMinor);
        }
    }

    /** A verified notification: a trade's state, or a refund's. */
    record Notice(String outTradeNo, TradeState trade, String outRefundNo, RefundState refund) {

        public boolean isRefund() {
            return refund != null;
        }
    }

    /** What to send back to the provider: status, content type and body. */
    record Answer(int status, String contentType, String body) {}

    /** A notification that is not a verified message of this provider; the reason is for logs. */
    class NoticeRejected extends RuntimeException {
        public NoticeRejected(String reason) {
            super(reason);
        }
    }

    /** The provider answered an error, or could not be reached (then {@code unreachable}). */
    class GatewayException extends RuntimeException {
        private final boolean unreachable;
        private final String code;

        public GatewayException(String code, String message, boolean unreachable, Throwable cause) {
            super(message, cause);
            this.code = code;
            this.unreachable = unreachable;
        }

        public boolean unreachable() {
            return unreachable;
        }

        public String code() {
            return code;
        }
    }
}
